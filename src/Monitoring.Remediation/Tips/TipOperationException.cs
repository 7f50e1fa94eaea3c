namespace Monitoring.Remediation.Tips;

/// <summary>An operation a tip cannot take: unknown id (the API's 404) or final already (409).</summary>
public sealed class TipOperationException : Exception
{
    public TipOperationException(string message, bool notFound)
        : base(message) => NotFound = notFound;

    public TipOperationException()
    {
    }

    public TipOperationException(string message)
        : base(message)
    {
    }

    public TipOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool NotFound { get; }
}
