using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;

namespace Monitoring.Tests.Service.Remediation;

/// <summary>An executor the test drives: it takes the tips of one action kind, reports a progress note, and ends
/// when the test completes <see cref="Finish"/> (or throws what the test sets).</summary>
internal sealed class FakeExecutor : ITipActionExecutor
{
    private readonly string _kind;
    private int _runs;

    public FakeExecutor(string kind) => _kind = kind;

    public TaskCompletionSource<TipActionOutcome> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs => _runs;

    public bool CanExecute(Tip tip) => tip.Action.Kind == _kind;

    public async Task<TipActionOutcome> ExecuteAsync(Tip tip, Action<string> progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        progress("task-7 started");
        Started.TrySetResult();
        return await Finish.Task.WaitAsync(cancellationToken);
    }
}
