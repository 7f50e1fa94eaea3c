using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Automation;
using Monitoring.Remediation.Configuration;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.HealthHosting;

namespace Monitoring.Service.Remediation.Automation;

/// <summary>Automatic mode in the running service: every few seconds, the open tips go through
/// <see cref="AutomaticPolicy"/> and the tips it picks are implemented through <see cref="ITipImplementer"/> as
/// <c>automatic</c>. Why a tip waits (a maintenance window, a limit) is logged and noted in its history once,
/// when the reason first appears or changes.</summary>
/// <remarks>Nothing is implemented while the health engine is not ready: without it, whether an object is in
/// maintenance is unknown. The per-hour ledger is filled at start from the stored tips' histories, so a restart
/// does not reset the limit. A failure is logged and the next pass tries again; nothing throws into the host.</remarks>
internal sealed class AutomaticRemediationService : BackgroundService
{
    public const string By = "automatic";

    private readonly AutomaticLimits _limits;
    private readonly global::Monitoring.Remediation.Configuration.BalancerConfiguration _balancer;
    private readonly ITipStore _store;
    private readonly TipLifecycle _lifecycle;
    private readonly ITipImplementer _implementer;
    private readonly HealthService _health;
    private readonly HostGroupDirectory _groups;
    private readonly TimeProvider _time;
    private readonly ILogger<AutomaticRemediationService> _logger;
    private readonly AutomaticPolicy _policy;
    private readonly AutomaticLedger _ledger = new();
    private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);

    public AutomaticRemediationService(
        LoadedConfiguration configuration,
        ITipStore store,
        TipLifecycle lifecycle,
        ITipImplementer implementer,
        HealthService health,
        HostGroupDirectory groups,
        TimeProvider time,
        ILogger<AutomaticRemediationService> logger)
    {
        _limits = configuration.AutomaticLimits;
        _balancer = configuration.Balancer;
        _store = store;
        _lifecycle = lifecycle;
        _implementer = implementer;
        _health = health;
        _groups = groups;
        _time = time;
        _logger = logger;
        _policy = new AutomaticPolicy(_limits);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        AutomationLog.Started(_logger, (int)_limits.Interval.TotalSeconds, _limits.MaxConcurrent, _limits.MaxPerHour);
        var seeded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_limits.Interval, _time, stoppingToken).ConfigureAwait(false);
            try
            {
                if (!seeded)
                {
                    Seed();
                    seeded = true;
                }

                await PassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AutomationLog.PassFailed(_logger, e.Message);
            }
        }
    }

    /// <summary>Automatic starts of the last hour, from the stored tips' histories.</summary>
    private void Seed()
    {
        var since = _time.GetUtcNow() - AutomaticPolicy.Hour;
        foreach (var tip in _store.List(null, null).Where(t => t.Automatic))
        {
            foreach (var start in tip.History.Where(h => h.Status == TipStatus.Initialized && h.By == By && h.At >= since))
            {
                _ledger.Record(tip.HostGroup, start.At);
            }
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        if (_health.Engine is not { } engine)
        {
            return;
        }

        var open = new List<Tip>();
        foreach (var status in new[] { TipStatus.Active, TipStatus.Initialized, TipStatus.Running })
        {
            open.AddRange(_store.List(status, null));
        }

        if (!open.Any(t => t.Status == TipStatus.Active))
        {
            _reasons.Clear();
            return;
        }

        await _groups.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        _ledger.Prune(now - AutomaticPolicy.Hour);
        var plan = _policy.Decide(
            open,
            _ledger,
            tip => _balancer.For(tip.HostGroup ?? string.Empty, _groups.NameOf(tip.HostGroup)).Automatic,
            id => engine.Maintenance.StatusOf(id) is { InMaintenance: true } status ? status.Describe() : null,
            now);

        foreach (var tip in plan.Implement)
        {
            try
            {
                AutomationLog.Implementing(_logger, tip.Id, tip.Severity, tip.HostGroup ?? "(none)", tip.Summary);
                _implementer.Implement(tip.Id, By, automatic: true);
                _ledger.Record(tip.HostGroup, now);
                _reasons.Remove(tip.Id);
            }
            catch (TipOperationException e)
            {
                // Taken meanwhile (an operator implemented or dismissed it): nothing to do.
                AutomationLog.Refused(_logger, tip.Id, e.Message);
            }
        }

        foreach (var wait in plan.Waiting)
        {
            if (_reasons.TryGetValue(wait.Tip.Id, out var said) && said == wait.Reason)
            {
                continue;
            }

            _reasons[wait.Tip.Id] = wait.Reason;
            AutomationLog.Waiting(_logger, wait.Tip.Id, wait.Reason);
            Note(wait.Tip.Id, wait.Reason);
        }

        var stillOpen = open.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _reasons.Keys.Where(id => !stillOpen.Contains(id)).ToList())
        {
            _reasons.Remove(gone);
        }
    }

    /// <summary>The reason in the tip's history once, under the lifecycle's lock so it never races a transition.</summary>
    private void Note(string tipId, string reason)
    {
        _lifecycle.Remark(tipId, By, reason, tip => tip.Status == TipStatus.Active && tip.History.LastOrDefault()?.Note != reason);
    }
}
