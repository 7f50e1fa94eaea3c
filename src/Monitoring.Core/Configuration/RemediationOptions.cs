namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Remediation</c> section: how tips are acted on, beyond the balancer's own
/// settings (which stay under <c>Monitoring:Balancer</c>).</summary>
public sealed class RemediationOptions
{
    /// <summary>Default of <see cref="ActionTimeoutSeconds"/>: 10 minutes, longer than a live migration usually takes.</summary>
    public const int DefaultActionTimeoutSeconds = 600;

    /// <summary>How long an action on a target (a vSphere task) is followed before its tip fails as not
    /// finished; the task itself is left to run on the server. Default 600, allowed 5 to 86400.</summary>
    public int? ActionTimeoutSeconds { get; set; }

    /// <summary>Limits on what automatic mode may do by itself.</summary>
    public AutomaticRemediationOptions Automatic { get; set; } = new();

    /// <summary>Rules that turn alerts (ours, or Alertmanager's through its webhook) into tips.</summary>
    public IList<AlertTipRuleOptions> AlertRules { get; } = [];

    /// <summary>Operators' hooks: a script or a webhook a tip's <c>hook</c> action runs, by name. A script's
    /// path comes only from here, never from an API call or an alert.</summary>
    public IList<RemediationHookOptions> Hooks { get; } = [];
}
