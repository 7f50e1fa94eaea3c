namespace Monitoring.HealthModel.Settings;

/// <summary>Health settings that cannot work: every problem found, each naming the setting and what is allowed.</summary>
public sealed class HealthSettingsException : Exception
{
    public HealthSettingsException(IReadOnlyList<string> errors)
        : base("Invalid health settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    public HealthSettingsException()
        : this([])
    {
    }

    public HealthSettingsException(string message)
        : this([message])
    {
    }

    public HealthSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
