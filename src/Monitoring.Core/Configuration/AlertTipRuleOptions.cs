namespace Monitoring.Core.Configuration;

/// <summary>One rule mapping an alert to a tip.</summary>
public sealed class AlertTipRuleOptions
{
}
