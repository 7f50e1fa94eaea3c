namespace Monitoring.Service.Configuration;

/// <summary>The configuration cannot be used. Each problem names its key and what is allowed;
/// none contains a secret. The command line exits with code 2.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public ConfigurationException(string problem)
        : this([problem])
    {
    }

    public ConfigurationException()
        : this("the configuration is not valid")
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
