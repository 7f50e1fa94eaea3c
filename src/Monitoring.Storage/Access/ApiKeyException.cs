namespace Monitoring.Storage.Access;

/// <summary>A key could not be created or revoked; the message says why and is safe to show.</summary>
public class ApiKeyException : Exception
{
    public ApiKeyException()
    {
    }

    public ApiKeyException(string message)
        : base(message)
    {
    }

    public ApiKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
