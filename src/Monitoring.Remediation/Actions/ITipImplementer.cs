using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Actions;

/// <summary>Implements tips: the one way into an action, for the API, the CLI and automatic mode alike,
/// so that every implementation is recorded the same way and runs once.</summary>
public interface ITipImplementer
{
    /// <summary>Moves an Active tip to Initialized, starts its action in the background and returns the
    /// tip as it is now. Throws <see cref="TipOperationException"/> for an unknown or final tip.</summary>
    Tip Implement(string tipId, string by, bool automatic);

    /// <summary>Completes when the tip reaches a final status (or the token fires); returns the tip.</summary>
    Task<Tip> WaitForFinalAsync(string tipId, CancellationToken cancellationToken);
}
