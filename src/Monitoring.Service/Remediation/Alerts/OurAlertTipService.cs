using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.HealthModel.Storage;
using Monitoring.Remediation.Alerts;
using Monitoring.Service.Remediation.Automation;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Remediation.Alerts;

/// <summary>Tips from our own alerts: follows the alert change log (like the exports, with a stored position) and
/// raises the tip a rule maps an alert to when the alert opens, and closes it when the alert closes.</summary>
/// <remarks>Only a change that created the alert raises: a later change to an open alert (a repeat, a comment) does
/// not raise again, so a dismissed tip stays dismissed. At the first start (no position stored) the open alerts are
/// taken as they stand. A closed alert closes its tip only while the tip is Active; one being implemented finishes.</remarks>
internal sealed class OurAlertTipService : BackgroundService
{
    public const string ConsumerId = "alert-tips";
    public const string By = "alert rule";
    private const int PageSize = 500;

    private readonly AlertTips _tips;
    private readonly IAlertChangeLog _log;
    private readonly IAlertStore _alerts;
    private readonly IExportPositionStore _positions;
    private readonly HostGroupDirectory _groups;
    private readonly TimeProvider _time;
    private readonly ILogger<OurAlertTipService> _logger;
    private readonly int _rules;

    public OurAlertTipService(
        AlertTips tips,
        Configuration.LoadedConfiguration configuration,
        IAlertChangeLog log,
        IAlertStore alerts,
        IExportPositionStore positions,
        HostGroupDirectory groups,
        TimeProvider time,
        ILogger<OurAlertTipService> logger)
    {
        _tips = tips;
        _rules = configuration.AlertTipRules.Count;
        _log = log;
        _alerts = alerts;
        _positions = positions;
        _groups = groups;
        _time = time;
        _logger = logger;
    }

    internal TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_rules == 0)
        {
            return;
        }

        long? position = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                position ??= await BeginAsync(stoppingToken).ConfigureAwait(false);
                position = await FollowAsync(position.Value, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AlertTipsLog.Failed(_logger, e.Message);
            }

            await Task.Delay(PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<long> BeginAsync(CancellationToken cancellationToken)
    {
        var stored = await _positions.GetAsync(ConsumerId, cancellationToken).ConfigureAwait(false);
        if (stored is { } from)
        {
            AlertTipsLog.Started(_logger, _rules, from);
            return from;
        }

        var last = _log.LastSequence;
        await _groups.RefreshAsync(cancellationToken).ConfigureAwait(false);
        foreach (var alert in _alerts.List(includeClosed: false))
        {
            Report(alert.Name, alert.ObjectId, _tips.Firing(OurAlertFacts.Of(alert), By, _groups.HostGroupOf));
        }

        await _positions.AdvanceAsync(ConsumerId, last, cancellationToken).ConfigureAwait(false);
        AlertTipsLog.Started(_logger, _rules, last);
        return last;
    }

    private async Task<long> FollowAsync(long position, CancellationToken cancellationToken)
    {
        var start = position;
        while (true)
        {
            var page = _log.ReadAfter(position, PageSize);
            if (page.Count > 0)
            {
                await _groups.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var change in page)
            {
                var alert = change.Alert;
                var facts = OurAlertFacts.Of(alert);
                if (alert.IsOpen && change.IsNew)
                {
                    Report(alert.Name, alert.ObjectId, _tips.Firing(facts, By, _groups.HostGroupOf));
                }
                else if (!alert.IsOpen)
                {
                    Report(alert.Name, alert.ObjectId, _tips.Resolved(facts.ConditionKey, By));
                }

                position = change.Sequence;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        return position > start
            ? await _positions.AdvanceAsync(ConsumerId, position, cancellationToken).ConfigureAwait(false)
            : position;
    }

    private void Report(string alert, string objectId, AlertTipOutcome outcome)
    {
        if (outcome.Tip is { } tip && outcome.What is "raised" or "closed")
        {
            AlertTipsLog.Changed(_logger, alert, objectId, outcome.What, tip.Id);
        }
    }
}
