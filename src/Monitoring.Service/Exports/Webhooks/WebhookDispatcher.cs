using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Exports.Webhooks;

/// <summary>Runs one <see cref="WebhookDelivery"/> per configured webhook, each on its own: a receiver that is down or
/// slow holds back only its own deliveries, never the other webhooks or the engine.</summary>
internal sealed class WebhookDispatcher : BackgroundService
{
    private readonly IReadOnlyList<WebhookSettings> _webhooks;
    private readonly IServiceProvider _services;
    private readonly IExportPositionStore _positions;
    private readonly ExportMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly List<WebhookSender> _senders = [];

    public WebhookDispatcher(IReadOnlyList<WebhookSettings> webhooks, IServiceProvider services, IExportPositionStore positions, ExportMetrics metrics, TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _webhooks = webhooks;
        _services = services;
        _positions = positions;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var log = _services.GetRequiredService<IAlertChangeLog>();
        var runs = new List<Task>();
        foreach (var webhook in _webhooks)
        {
            var sender = new WebhookSender(webhook, _time);
            _senders.Add(sender);
            var delivery = new WebhookDelivery(webhook, sender, log, _positions, _services.GetRequiredService<MaintenanceLookup>(), _metrics, _time, _logger);
            runs.Add(Task.Run(() => delivery.RunAsync(stoppingToken), stoppingToken));
        }

        return Task.WhenAll(runs);
    }

    public override void Dispose()
    {
        foreach (var sender in _senders)
        {
            sender.Dispose();
        }

        base.Dispose();
    }
}
