namespace Monitoring.Core.Configuration;

/// <summary>Limits on automatic implementation (concurrent and per-hour moves).</summary>
public sealed class AutomaticRemediationOptions
{
}
