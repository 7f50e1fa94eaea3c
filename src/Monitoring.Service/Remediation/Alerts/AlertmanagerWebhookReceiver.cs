using Microsoft.Extensions.Logging;
using Monitoring.Remediation.Alerts;
using Monitoring.Service.Remediation.Automation;

namespace Monitoring.Service.Remediation.Alerts;

/// <summary>Acts on an Alertmanager webhook message: a firing alert that a rule maps raises its tip (once per
/// fingerprint and <c>startsAt</c>: Alertmanager re-sends whole groups), a resolved one closes its Active tip, and a
/// copy of one of our own alerts (<c>source="monitoring"</c>) attaches to the tip our alert raised instead of raising
/// a second.</summary>
internal sealed class AlertmanagerWebhookReceiver
{
    public const string By = "alertmanager";

    private readonly AlertTips _tips;
    private readonly HostGroupDirectory _groups;
    private readonly ILogger<AlertmanagerWebhookReceiver> _logger;

    public AlertmanagerWebhookReceiver(AlertTips tips, HostGroupDirectory groups, ILogger<AlertmanagerWebhookReceiver> logger)
    {
        _tips = tips;
        _groups = groups;
        _logger = logger;
    }

    public async Task<WebhookReceipt> ReceiveAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _groups.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<WebhookReceiptItem>();
        foreach (var alert in message.Alerts)
        {
            var outcome = Apply(alert);
            if (outcome.What == "ignored")
            {
                AlertTipsLog.WebhookIgnored(_logger, alert.Fingerprint, outcome.Note ?? string.Empty);
            }
            else if (outcome.Tip is { } tip && outcome.What is "raised" or "closed")
            {
                AlertTipsLog.WebhookChanged(_logger, alert.Name, alert.Fingerprint, outcome.What, tip.Id);
            }

            items.Add(new WebhookReceiptItem(alert.Fingerprint, alert.Name, alert.Status, outcome.What, outcome.Tip?.Id, outcome.Note));
        }

        var counts = items.GroupBy(i => i.Outcome, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Count(string outcome) => counts.GetValueOrDefault(outcome);
        var (raised, existing, closed, attached, ignored) = (Count("raised"), Count("existing"), Count("closed"), Count("attached"), Count("ignored"));
        AlertTipsLog.Webhook(_logger, items.Count, message.Status, message.Receiver, raised, existing, closed, attached, ignored);
        return new WebhookReceipt(items);
    }

    private AlertTipOutcome Apply(WebhookAlert alert)
    {
        if (AlertTips.IsOurs(alert.Labels))
        {
            // Our own alert, back through Alertmanager: our change log raises and closes its tip.
            if (!alert.Labels.TryGetValue("object", out var objectId) || string.IsNullOrWhiteSpace(objectId))
            {
                return AlertTipOutcome.Ignored("carries source=\"monitoring\" but no object label");
            }

            return alert.Firing
                ? _tips.Attach(objectId, alert.Name, $"fingerprint {alert.Fingerprint}", By)
                : AlertTipOutcome.Ignored("our own alert resolved: its tip follows our alert, not Alertmanager");
        }

        var key = AlertConditionKeys.Fingerprint(alert.Fingerprint, alert.StartsAt);
        return alert.Firing
            ? _tips.Firing(new AlertFacts(key, alert.Name, alert.Labels, alert.Description), By, _groups.HostGroupOf)
            : _tips.Resolved(key, By);
    }
}
