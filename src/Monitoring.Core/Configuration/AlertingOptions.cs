namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Alerting</c> section.</summary>
public sealed class AlertingOptions
{
    /// <summary>Alertmanager to push alerts to; absent means none.</summary>
    public AlertmanagerOptions Alertmanager { get; set; } = new();

    /// <summary>Where the runbooks are served, ending in <c>/</c>: each alert rule's <c>runbook_url</c> is
    /// this plus the alert's page (<c>virt-host-cpu-pressure.md</c>). Default <c>docs/runbooks/</c>, the
    /// repository's own folder; set it to where your copy of the docs is served.</summary>
    public string? RunbookBaseUrl { get; set; }

    /// <summary>Receivers of every alert change as signed JSON; none by default.</summary>
    public IList<WebhookOptions> Webhooks { get; } = [];
}
