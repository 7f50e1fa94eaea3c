namespace Monitoring.Storage.Access;

/// <summary>No live key has the given name.</summary>
public sealed class ApiKeyNotFoundException : ApiKeyException
{
    public ApiKeyNotFoundException()
    {
    }

    public ApiKeyNotFoundException(string message)
        : base(message)
    {
    }

    public ApiKeyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
