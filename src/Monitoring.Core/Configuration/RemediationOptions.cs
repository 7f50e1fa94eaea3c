namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Remediation</c> section: how tips are acted on, beyond the balancer's own
/// settings (which stay under <c>Monitoring:Balancer</c>).</summary>
public sealed class RemediationOptions
{
    /// <summary>Limits on what automatic mode may do by itself.</summary>
    public AutomaticRemediationOptions Automatic { get; set; } = new();

    /// <summary>Rules that turn alerts (ours, or Alertmanager's through its webhook) into tips.</summary>
    public IList<AlertTipRuleOptions> AlertRules { get; } = [];

    /// <summary>Operators' hooks: a script or a webhook a tip's <c>hook</c> action runs, by name. A script's
    /// path comes only from here, never from an API call or an alert.</summary>
    public IList<RemediationHookOptions> Hooks { get; } = [];
}
