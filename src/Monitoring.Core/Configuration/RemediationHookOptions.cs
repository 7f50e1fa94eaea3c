namespace Monitoring.Core.Configuration;

/// <summary>One operator hook: a script or a webhook.</summary>
public sealed class RemediationHookOptions
{
}
