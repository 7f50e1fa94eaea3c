using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Exports.Alertmanager;

/// <summary>Pushes alerts to Alertmanager while the service runs: every open alert as firing and recently closed ones
/// as resolved, at once when the change log moves and again every re-send interval, so they stay firing.</summary>
/// <remarks>
/// Reads the alert change log, never the engine: any writer's change (the service, the command line) reaches
/// Alertmanager. A failed push loses nothing: the whole set is pushed again, sooner (backoff from 1 s up to the
/// re-send interval) until it succeeds; each Alertmanager of an HA pair is pushed to and retried on its own. The
/// change-log position is stored once every Alertmanager has taken a push, so closures made while the service was
/// down are pushed as resolved at the next start. Nothing here throws into the host.
/// </remarks>
internal sealed class AlertmanagerPusher : BackgroundService
{
    public const string ConsumerId = "alertmanager";
    private const int PageSize = 500;

    private readonly AlertmanagerSettings _settings;
    private readonly IServiceProvider _services;
    private readonly IExportPositionStore _positions;
    private readonly ExportMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertmanagerPusher> _logger;
    private readonly AlertmanagerClient _client;
    private readonly AlertmanagerState _state;
    private readonly Dictionary<Uri, int> _failures = [];

    public AlertmanagerPusher(AlertmanagerSettings settings, IServiceProvider services, IExportPositionStore positions, ExportMetrics metrics, TimeProvider time, ILogger<AlertmanagerPusher> logger)
    {
        _settings = settings;
        _services = services;
        _positions = positions;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _client = new AlertmanagerClient(settings);
        _state = new AlertmanagerState(settings.ResolvedResend);
        foreach (var url in settings.Urls)
        {
            _failures[url] = 0;
        }
    }

    /// <summary>How often the change log is looked at for new changes (a cheap read of its last sequence).</summary>
    internal TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var log = _services.GetRequiredService<IAlertChangeLog>();
        var store = _services.GetRequiredService<IAlertStore>();
        var urls = string.Join(", ", _settings.Urls.Select(ExportMetrics.Label));
        ExportLog.AlertmanagerStarted(_logger, (int)_settings.ResendInterval.TotalSeconds, urls);
        long position;
        while (true)
        {
            try
            {
                position = await StartAsync(log, store, stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ExportLog.ChangeLogUnreadable(_logger, e.Message);
                await Task.Delay(PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }

        var due = new Dictionary<Uri, DateTimeOffset>();
        foreach (var url in _settings.Urls)
        {
            due[url] = _time.GetUtcNow();
        }

        var stored = position;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var read = ReadChanges(log, position);
                if (read > position)
                {
                    position = read;
                    foreach (var url in _settings.Urls.Where(u => _failures[u] == 0))
                    {
                        due[url] = _time.GetUtcNow(); // a change goes out now, not at the next re-send
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ExportLog.ChangeLogUnreadable(_logger, e.Message);
            }

            var pushedAll = await PushDueAsync(due, stoppingToken).ConfigureAwait(false);
            if (pushedAll && position > stored)
            {
                stored = await StorePositionAsync(position, stored, stoppingToken).ConfigureAwait(false);
            }

            await Task.Delay(PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Alerts closed since the stored position (while the service was down), then every open alert as it stands.</summary>
    private async Task<long> StartAsync(IAlertChangeLog log, IAlertStore store, CancellationToken cancellationToken)
    {
        var last = log.LastSequence;
        var stored = await _positions.GetAsync(ConsumerId, cancellationToken).ConfigureAwait(false);
        if (stored is { } from && from < last)
        {
            ReadChanges(log, from);
        }
        else if (stored is null)
        {
            // First start: remember where the log stood, so closures made while the service is down later are found.
            await _positions.AdvanceAsync(ConsumerId, last, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        foreach (var alert in store.List(includeClosed: false))
        {
            _state.Set(alert, now);
        }

        return last;
    }

    private long ReadChanges(IAlertChangeLog log, long after)
    {
        var now = _time.GetUtcNow();
        while (true)
        {
            var page = log.ReadAfter(after, PageSize);
            foreach (var change in page)
            {
                _state.Apply(change, now);
                after = change.Sequence;
            }

            if (page.Count < PageSize)
            {
                return after;
            }
        }
    }

    /// <summary>Pushes the whole set to every Alertmanager whose turn has come; true when none is failing.</summary>
    private async Task<bool> PushDueAsync(Dictionary<Uri, DateTimeOffset> due, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var batch = _state.Batch(now);
        _metrics.Batch(_state.FiringCount, batch.Count - _state.FiringCount);
        foreach (var url in _settings.Urls)
        {
            if (due[url] > now)
            {
                continue;
            }

            var problem = await _client.PostAsync(url, batch, cancellationToken).ConfigureAwait(false);
            _metrics.Pushed(url, problem is null, _time.GetUtcNow());
            if (problem is null)
            {
                if (_failures[url] > 0)
                {
                    var label = ExportMetrics.Label(url);
                    ExportLog.PushRecovered(_logger, label, _failures[url]);
                }

                _failures[url] = 0;
                due[url] = now + _settings.ResendInterval;
            }
            else
            {
                var failures = ++_failures[url];
                var wait = Backoff.After(failures, _settings.ResendInterval);
                var label = ExportMetrics.Label(url);
                ExportLog.PushFailed(_logger, label, problem, batch.Count, (int)Math.Ceiling(wait.TotalSeconds));
                due[url] = now + wait;
            }
        }

        return _failures.Values.All(f => f == 0);
    }

    private async Task<long> StorePositionAsync(long position, long stored, CancellationToken cancellationToken)
    {
        try
        {
            return await _positions.AdvanceAsync(ConsumerId, position, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ExportLog.PositionUnavailable(_logger, ConsumerId, e.Message);
            return stored;
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }
}
