namespace Monitoring.Service.Remediation.Alerts;

/// <summary>The webhook's answer: what each alert did (<c>raised</c>, <c>existing</c>, <c>attached</c>,
/// <c>closed</c>, <c>ignored</c>) and the tip concerned.</summary>
internal sealed record WebhookReceipt(IReadOnlyList<WebhookReceiptItem> Alerts);

/// <summary>One alert's outcome in <see cref="WebhookReceipt"/>.</summary>
internal sealed record WebhookReceiptItem(string Fingerprint, string Alertname, string Status, string Outcome, string? Tip, string? Note);
