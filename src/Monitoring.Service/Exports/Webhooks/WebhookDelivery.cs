using Microsoft.Extensions.Logging;
using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Exports.Webhooks;

/// <summary>Delivers the alert change log to one webhook, in order, one change per request.</summary>
/// <remarks>
/// A change that fails (timeout, connection refused, any non-2xx answer) is retried with exponential backoff; the
/// ones after it wait, so a receiver sees changes in order. After <see cref="WebhookSettings.MaxAttempts"/> attempts
/// the change is given up (logged as an error, counted as dropped; it stays on the connector feed) so one change a
/// receiver always refuses cannot stop the webhook for good; 0 attempts means never give up. The position is stored
/// after each change, so a restart neither loses nor repeats one (a change being sent when the service stops is
/// sent again: receivers de-duplicate on <c>X-Monitoring-Sequence</c>). A new webhook starts at the end of the log.
/// </remarks>
internal sealed class WebhookDelivery
{
    private const int PageSize = 50;

    private readonly WebhookSettings _settings;
    private readonly WebhookSender _sender;
    private readonly IAlertChangeLog _log;
    private readonly MaintenanceLookup _maintenance;
    private readonly IExportPositionStore _positions;
    private readonly ExportMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WebhookDelivery(WebhookSettings settings, WebhookSender sender, IAlertChangeLog log, IExportPositionStore positions, MaintenanceLookup maintenance, ExportMetrics metrics, TimeProvider time, ILogger logger)
    {
        _maintenance = maintenance;
        _settings = settings;
        _sender = sender;
        _log = log;
        _positions = positions;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>How often the log is looked at when everything is delivered.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry's wait; it doubles per failed attempt up to <see cref="Backoff.Max"/>.</summary>
    public TimeSpan BackoffUnit { get; init; } = Backoff.First;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var position = await StartPositionAsync(cancellationToken).ConfigureAwait(false);
        var url = ExportMetrics.Label(_settings.Url);
        ExportLog.WebhookStarted(_logger, _settings.Name, position, url);
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<AlertChange> page;
            try
            {
                page = _log.ReadAfter(position, PageSize);
                _metrics.Pending(_settings.Name, Math.Max(0, _log.LastSequence - position));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ExportLog.ChangeLogUnreadable(_logger, e.Message);
                page = [];
            }

            if (page.Count == 0)
            {
                await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var change in page)
            {
                await DeliverAsync(change, cancellationToken).ConfigureAwait(false);
                position = change.Sequence;
                await StoreAsync(position, cancellationToken).ConfigureAwait(false);
                _metrics.Pending(_settings.Name, Math.Max(0, _log.LastSequence - position));
            }
        }
    }

    private async Task DeliverAsync(AlertChange change, CancellationToken cancellationToken)
    {
        var document = AlertChangeDocument.From(change, await _maintenance(cancellationToken).ConfigureAwait(false));
        for (var attempt = 1; ; attempt++)
        {
            var problem = await _sender.SendAsync(document, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                _metrics.Delivered(_settings.Name, ExportMetrics.Success, _time.GetUtcNow());
                if (attempt > 1)
                {
                    ExportLog.DeliveryRecovered(_logger, _settings.Name, attempt - 1);
                }

                return;
            }

            _metrics.Delivered(_settings.Name, ExportMetrics.Failure, _time.GetUtcNow());
            if (_settings.MaxAttempts > 0 && attempt >= _settings.MaxAttempts)
            {
                _metrics.Delivered(_settings.Name, ExportMetrics.Dropped, _time.GetUtcNow());
                ExportLog.DeliveryDropped(_logger, _settings.Name, change.Sequence, attempt, problem);
                return;
            }

            var wait = Backoff.After(attempt, Backoff.Max) * (BackoffUnit / Backoff.First);
            ExportLog.DeliveryFailed(_logger, _settings.Name, change.Sequence, attempt, problem, wait.TotalSeconds);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The stored position; a new webhook starts at the end of the log (it is not sent the whole history).</summary>
    private async Task<long> StartPositionAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                if (await _positions.GetAsync(_settings.ConsumerId, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    return stored;
                }

                return await _positions.AdvanceAsync(_settings.ConsumerId, _log.LastSequence, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ExportLog.PositionUnavailable(_logger, _settings.ConsumerId, e.Message);
                await Task.Delay(Backoff.After(failures), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task StoreAsync(long position, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await _positions.AdvanceAsync(_settings.ConsumerId, position, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Moving on without storing would repeat this change after a restart; wait for the database instead.
                ExportLog.PositionUnavailable(_logger, _settings.ConsumerId, e.Message);
                await Task.Delay(Backoff.After(failures), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
