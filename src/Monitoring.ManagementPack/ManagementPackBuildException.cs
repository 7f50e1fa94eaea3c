namespace Monitoring.ManagementPack;

/// <summary>The fragments cannot be built into a pack; the message names the file and what is wrong.</summary>
public sealed class ManagementPackBuildException : Exception
{
    public ManagementPackBuildException()
    {
    }

    public ManagementPackBuildException(string message)
        : base(message)
    {
    }

    public ManagementPackBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
