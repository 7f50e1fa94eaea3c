namespace Monitoring.Remediation.Tips;

/// <summary>A tip's status, the contract's words. Resolved, Failed, Dismissed and Closed are final.</summary>
public enum TipStatus
{
    /// <summary>Raised, waiting for an operator (or the engine, when automatic).</summary>
    Active,

    /// <summary>Implementation requested; the action has not started yet.</summary>
    Initialized,

    /// <summary>The action is running on the target.</summary>
    Running,

    /// <summary>The action completed.</summary>
    Resolved,

    /// <summary>The action failed; the tip's result says why.</summary>
    Failed,

    /// <summary>An operator dismissed it.</summary>
    Dismissed,

    /// <summary>The condition cleared by itself before anyone acted.</summary>
    Closed,
}
