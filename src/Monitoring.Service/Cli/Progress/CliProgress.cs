using Spectre.Console;

namespace Monitoring.Service.Cli.Progress;

/// <summary>Runs long command-line work with a progress display on stderr: live (Spectre.Console) when stderr is a
/// terminal, plain lines when it is not, so logs and pipes stay readable.</summary>
internal static class CliProgress
{
    /// <summary>True when stderr is an interactive terminal that can redraw in place.</summary>
    public static bool IsLive =>
        !Console.IsErrorRedirected && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <param name="title">What runs, e.g. "collect".</param>
    /// <param name="total">Items expected (targets, migrations); 0 when unknown.</param>
    /// <param name="work">The work; it reports through the sink.</param>
    public static async Task<T> RunAsync<T>(string title, int total, Func<IProgressSink, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsLive)
        {
            return await work(new PlainProgress(Console.Error, title, total)).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var progress = console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn());
        return await progress.StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
            task.IsIndeterminate = total == 0;
            var result = await work(new LiveProgress(task, title)).ConfigureAwait(false);
            task.Value = task.MaxValue;
            task.StopTask();
            return result;
        }).ConfigureAwait(false);
    }
}
