namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Remediation:AlertRules</c>: an alert (ours, or one Alertmanager delivers
/// through its webhook) that matches raises a tip with this action.</summary>
public sealed class AlertTipRuleOptions
{
    /// <summary>The alert name to match: ours (<c>VirtTargetUnreachable</c>) or Alertmanager's <c>alertname</c> label. Required.</summary>
    public string? Alert { get; set; }

    /// <summary>Further labels the alert must carry, each <c>name=value</c> (e.g. <c>severity=critical</c>). Optional.</summary>
    public IList<string> Labels { get; } = [];

    /// <summary><c>enterMaintenance</c> (the target is a host), <c>powerOn</c> (the target is a VM) or <c>hook</c>.
    /// Required. (Migrations come from the balancer, which knows the destinations; an alert names none.)</summary>
    public string? Action { get; set; }

    /// <summary>For <c>hook</c>: the name of a hook under <c>Monitoring:Remediation:Hooks</c>.</summary>
    public string? Hook { get; set; }

    /// <summary>The label that holds the tip's target (an inventory id). Default <c>object</c>, the label our alerts carry.</summary>
    public string? TargetLabel { get; set; }

    /// <summary>The tip's severity: <c>Critical</c>, <c>Warning</c> or <c>Information</c>. Default: the alert's own
    /// (our severity, or the <c>severity</c> label), Warning when it has none.</summary>
    public string? Severity { get; set; }

    /// <summary>The tip's summary; <c>{alertname}</c>, <c>{target}</c> and <c>{label:NAME}</c> are filled in.
    /// Default "ACTION TARGET: ALERTNAME".</summary>
    public string? Summary { get; set; }

    /// <summary>1 (most urgent) to 5. Default 2.</summary>
    public int? Priority { get; set; }
}
