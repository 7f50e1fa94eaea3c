namespace Monitoring.Core.Collection;

/// <summary>A target could not be collected. The message is written for an operator and never
/// contains a secret; the kind is bounded so it can be counted.</summary>
public sealed class TargetFailureException : Exception
{
    public TargetFailureException(FailureKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public TargetFailureException(FailureKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public TargetFailureException()
    {
    }

    public TargetFailureException(string message)
        : base(message)
    {
    }

    public TargetFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The bounded reason.</summary>
    public FailureKind Kind { get; } = FailureKind.Protocol;
}
