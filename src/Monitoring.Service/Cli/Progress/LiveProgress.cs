using Spectre.Console;

namespace Monitoring.Service.Cli.Progress;

/// <summary>Progress drawn live on a terminal with Spectre.Console: a bar (when the number of items is known), the
/// current step, elapsed time and a spinner, redrawn in place on stderr.</summary>
internal sealed class LiveProgress : IProgressSink
{
    private readonly ProgressTask _task;
    private readonly string _title;

    public LiveProgress(ProgressTask task, string title)
    {
        _task = task;
        _title = title;
    }

    public void Step(string description) => _task.Description = Markup.Escape($"{_title}: {description}");

    public void Completed(string description)
    {
        _task.Increment(1);
        Step(description);
    }
}
