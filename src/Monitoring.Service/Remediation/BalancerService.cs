using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Remediation.Balancing;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;

namespace Monitoring.Service.Remediation;

/// <summary>Runs the balancer in the service: a first pass within <c>Balancer:FirstPassWithinSeconds</c> of start
/// (on whatever data there is), then one every <c>Balancer:IntervalSeconds</c>. Each pass turns the plans into tips:
/// a new move raises a tip, a known one refreshes its tip, and an Active balancer tip whose move is no longer
/// proposed (the cluster is balanced again, or gone) is Closed. A failed pass is logged; the next one runs anyway.</summary>
internal sealed class BalancerService : BackgroundService
{
    /// <summary>The condition-key prefix of every balancer tip: one reconciliation covers every cluster, so the
    /// tips of a cluster that has gone (or shrunk to one host) close too.</summary>
    private const string AllClusters = "balance/";

    private readonly BalancerPlanner _planner;
    private readonly TipLifecycle _lifecycle;
    private readonly LoadedConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger<BalancerService> _log;

    public BalancerService(BalancerPlanner planner, TipLifecycle lifecycle, LoadedConfiguration configuration, TimeProvider time, ILogger<BalancerService> log)
    {
        _planner = planner;
        _lifecycle = lifecycle;
        _configuration = configuration;
        _time = time;
        _log = log;
    }

    /// <summary>Passes completed (successful or not), for tests and the log.</summary>
    public int Passes { get; private set; }

    /// <summary>When the pass now waited for is due, set once its timer exists: a test on a fake clock advances
    /// the clock only after this, or the timer would start from the advanced time.</summary>
    public DateTimeOffset? NextPassDue { get; private set; }

    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var plans = await _planner.PlanAsync(cancellationToken).ConfigureAwait(false);
        var candidates = plans.SelectMany(p => BalancerTips.From(p.Plan, p.Input.NameOf)).ToList();
        var raised = _lifecycle.Reconcile(AllClusters, candidates, BalancerTips.Source);
        TipsLog.PassDone(_log, plans.Count, candidates.Count, raised.Count);
        return raised.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var balancer = _configuration.Balancer;
        if (!balancer.Enabled)
        {
            TipsLog.Disabled(_log);
            return;
        }

        TipsLog.Scheduled(_log, balancer.FirstPassWithin, balancer.Interval);
        try
        {
            await WaitAsync(balancer.FirstPassWithin, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunPassAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed pass (database busy, bad data) must never stop the service; the next pass retries.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    TipsLog.PassFailed(_log, e, balancer.Interval);
                }

                Passes++;
                await WaitAsync(balancer.Interval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        var due = _time.GetUtcNow() + delay;
        var wait = Task.Delay(delay, _time, stoppingToken);
        NextPassDue = due;
        return wait;
    }
}
