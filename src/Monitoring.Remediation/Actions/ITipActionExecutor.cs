using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Actions;

/// <summary>Carries out a tip's action on a target (vSphere, Hyper-V over WS-Man, an operator's hook).
/// The service holds several; the first whose <see cref="CanExecute"/> answers true runs the tip.</summary>
public interface ITipActionExecutor
{
    /// <summary>True when this executor knows the action's kind and the source its ids belong to
    /// (the first segment of an inventory id is the target's config name).</summary>
    bool CanExecute(Tip tip);

    /// <summary>Runs the action to completion (a vSphere task followed to its end). A failure the
    /// target reports is an outcome, not an exception; <paramref name="progress"/> receives short
    /// notes for the tip's history (e.g. "task-123 started"). Never puts a secret in any text.</summary>
    Task<TipActionOutcome> ExecuteAsync(Tip tip, Action<string> progress, CancellationToken cancellationToken);
}
