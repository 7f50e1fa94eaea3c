using Monitoring.Service.Metrics;
using Prometheus;

namespace Monitoring.Service.Exports;

/// <summary>The alert exports' own metrics on /metrics: pushes to Alertmanager and webhook deliveries, so an
/// exporter that cannot deliver shows (docs/metrics.md, "Alert exports").</summary>
internal sealed class ExportMetrics
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Dropped = "dropped";

    private readonly Counter _pushes;
    private readonly Gauge _pushLastSuccess;
    private readonly Gauge _alerts;
    private readonly Counter _deliveries;
    private readonly Gauge _pending;
    private readonly Gauge _deliveryLastSuccess;

    public ExportMetrics(MetricFamilies factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _pushes = factory.Counter("virt_alertmanager_pushes_total", "Pushes of the alert set to an Alertmanager, by result (success or failure).", "url", "result");
        _pushLastSuccess = factory.Gauge("virt_alertmanager_last_success_timestamp_seconds", "When a push to an Alertmanager last succeeded (Unix time).", "url");
        _alerts = factory.Gauge("virt_alertmanager_alerts", "Alerts in the last push, by state (firing or resolved).", "state");
        _deliveries = factory.Counter("virt_webhook_deliveries_total", "Webhook delivery attempts of alert changes, by result (success, failure, or dropped after the last attempt).", "webhook", "result");
        _pending = factory.Gauge("virt_webhook_pending_changes", "Alert changes stored but not yet delivered to a webhook.", "webhook");
        _deliveryLastSuccess = factory.Gauge("virt_webhook_last_success_timestamp_seconds", "When a delivery to a webhook last succeeded (Unix time).", "webhook");
    }

    public void Pushed(Uri url, bool succeeded, DateTimeOffset at)
    {
        var label = Label(url);
        _pushes.WithLabels(label, succeeded ? Success : Failure).Inc();
        if (succeeded)
        {
            _pushLastSuccess.WithLabels(label).Set(at.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    public void Batch(int firing, int resolved)
    {
        _alerts.WithLabels("firing").Set(firing);
        _alerts.WithLabels("resolved").Set(resolved);
    }

    public void Delivered(string webhook, string result, DateTimeOffset at)
    {
        _deliveries.WithLabels(webhook, result).Inc();
        if (result == Success)
        {
            _deliveryLastSuccess.WithLabels(webhook).Set(at.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    public void Pending(string webhook, long changes) => _pending.WithLabels(webhook).Set(changes);

    /// <summary>The URL without path or query: the configuration refuses user information, so nothing secret remains.</summary>
    public static string Label(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Authority);
    }
}
