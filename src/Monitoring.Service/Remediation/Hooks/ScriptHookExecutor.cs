using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Api.Tips;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>Runs a <see cref="ScriptHook"/>: starts the executable directly (no shell), writes the tip's JSON to its
/// stdin and waits for it, at most the hook's timeout. Exit code 0 resolves the tip; any other fails it with the code
/// and the first line of stderr; a timeout kills the process with its children and fails the tip.</summary>
/// <remarks>The child's environment is built from nothing: a fixed PATH, the locale, HOME and the temp folder, plus
/// <c>MONITORING_TIP_ID</c> and <c>MONITORING_HOOK</c>. Nothing of the service's own environment passes through,
/// because that is where operators put secrets (<c>Monitoring__Targets__0__Password</c>).</remarks>
internal sealed class ScriptHookExecutor : ITipActionExecutor
{
    /// <summary>How long to wait for the output pipes to close after the process ended (a child it left behind may hold them).</summary>
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(2);

    private readonly HookCatalog _hooks;
    private readonly IObjectNames _names;
    private readonly ILogger<ScriptHookExecutor> _logger;

    public ScriptHookExecutor(HookCatalog hooks, IObjectNames names, ILogger<ScriptHookExecutor> logger)
    {
        _hooks = hooks;
        _names = names;
        _logger = logger;
    }

    public bool CanExecute(Tip tip) => _hooks.For(tip) is ScriptHook;

    public async Task<TipActionOutcome> ExecuteAsync(Tip tip, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(progress);
        if (_hooks.For(tip) is not ScriptHook hook)
        {
            return TipActionOutcome.Failure("the tip names no script hook of the configuration");
        }

        var outcome = await RunAsync(hook, tip, progress, cancellationToken).ConfigureAwait(false);
        HookLog.Finished(_logger, hook.Name, tip.Id, outcome.Succeeded ? "succeeded" : "failed", outcome.Result);
        return outcome;
    }

    private async Task<TipActionOutcome> RunAsync(ScriptHook hook, Tip tip, Action<string> progress, CancellationToken cancellationToken)
    {
        var payload = await HookPayload.SerializeAsync(tip, _names, cancellationToken).ConfigureAwait(false);
        using var process = new Process { StartInfo = StartInfo(hook, tip) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return TipActionOutcome.Failure($"cannot start {hook.Path}: {e.Message}");
        }

        HookLog.ScriptStarted(_logger, hook.Name, tip.Id, hook.Path, process.Id);
        progress(string.Create(CultureInfo.InvariantCulture, $"hook {hook.Name}: started {Path.GetFileName(hook.Path)} (pid {process.Id})"));
        var stdout = new BoundedOutput();
        var stderr = new BoundedOutput();
        var reading = Task.WhenAll(
            stdout.ReadToEndAsync(process.StandardOutput.BaseStream),
            stderr.ReadToEndAsync(process.StandardError.BaseStream));

        // Fed beside the wait, not before it: a script that never reads stdin must not block us on a full pipe.
        var feeding = FeedAsync(process, payload);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(hook.Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await Task.WhenAny(Task.WhenAll(reading, feeding), Task.Delay(s_drainGrace, CancellationToken.None)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            HookLog.ScriptKilled(_logger, hook.Name, tip.Id, hook.Timeout.TotalSeconds);
            return TipActionOutcome.Failure(string.Create(CultureInfo.InvariantCulture, $"timed out after {hook.Timeout.TotalSeconds:0}s"));
        }

        await Task.WhenAny(Task.WhenAll(reading, feeding), Task.Delay(s_drainGrace, CancellationToken.None)).ConfigureAwait(false);
        var code = process.ExitCode;
        if (code == 0)
        {
            return TipActionOutcome.Success(stdout.FirstLine() is { } said ? $"exit code 0: {said}" : "exit code 0");
        }

        return TipActionOutcome.Failure(stderr.FirstLine() is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"exit code {code}: {line}")
            : string.Create(CultureInfo.InvariantCulture, $"exit code {code}"));
    }

    private static ProcessStartInfo StartInfo(ScriptHook hook, Tip tip)
    {
        var start = new ProcessStartInfo(hook.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hook.Path),
        };
        foreach (var argument in hook.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var inherited = start.Environment.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        start.Environment.Clear();
        foreach (var name in (string[])["HOME", "TMPDIR", "TEMP", "TMP", "LANG", "SystemRoot", "windir", "PATHEXT", "ComSpec"])
        {
            if (inherited.TryGetValue(name, out var value) && value is not null)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["PATH"] = OperatingSystem.IsWindows()
            ? inherited.GetValueOrDefault("PATH") ?? string.Empty
            : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        start.Environment["MONITORING_TIP_ID"] = tip.Id;
        start.Environment["MONITORING_HOOK"] = hook.Name;
        return start;
    }

    private static async Task FeedAsync(Process process, byte[] body)
    {
        try
        {
            var stdin = process.StandardInput.BaseStream;
            await stdin.WriteAsync(body).ConfigureAwait(false);
            await stdin.FlushAsync().ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The script exited (or closed stdin) without reading it all: its exit code says how it went.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended by itself meanwhile.
        }
    }
}
