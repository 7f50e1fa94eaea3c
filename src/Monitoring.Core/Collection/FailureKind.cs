namespace Monitoring.Core.Collection;

/// <summary>Why a target could not be collected; bounded, so it can label a metric.</summary>
public enum FailureKind
{
    /// <summary>The connection could not be made (refused, reset, DNS).</summary>
    Unreachable,

    /// <summary>The target did not answer within the per-operation timeout.</summary>
    Timeout,

    /// <summary>The server's certificate was refused (untrusted, or not the pinned thumbprint).</summary>
    Certificate,

    /// <summary>The credentials were refused.</summary>
    Authentication,

    /// <summary>Logged in, but the account may not read something the pass needs.</summary>
    Permission,

    /// <summary>The target answered with something we cannot use (a fault, not XML, a wrong shape).</summary>
    Protocol,

    /// <summary>This build has no collector for the target's kind.</summary>
    Unsupported,
}
