using Monitoring.Remediation.Balancing;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.Exports;

namespace Monitoring.Service.Remediation;

/// <summary>One balancer pass without acting: reads every cluster, takes hosts in a maintenance window out of
/// play, keeps VMs off hosts they left recently, and plans each cluster with its host group's settings.
/// What the balancer job reconciles into tips, and what <c>tips whatif</c> shows.</summary>
internal sealed class BalancerPlanner
{
    private readonly BalancerInputReader _reader;
    private readonly LoadedConfiguration _configuration;
    private readonly ITipStore _tips;
    private readonly MaintenanceLookup _maintenance;
    private readonly TimeProvider _time;

    public BalancerPlanner(BalancerInputReader reader, LoadedConfiguration configuration, ITipStore tips, MaintenanceLookup maintenance, TimeProvider time)
    {
        _reader = reader;
        _configuration = configuration;
        _tips = tips;
        _maintenance = maintenance;
        _time = time;
    }

    public async Task<IReadOnlyList<ClusterPlan>> PlanAsync(CancellationToken cancellationToken)
    {
        var balancer = _configuration.Balancer;
        var now = _time.GetUtcNow();
        var input = await _reader.ReadAsync(balancer.AntiAffinityGroups, now, cancellationToken).ConfigureAwait(false);
        var inMaintenance = await _maintenance(cancellationToken).ConfigureAwait(false);
        var history = RecentMigrations(now - balancer.ReturnBlock);
        var plans = new List<ClusterPlan>();
        foreach (var cluster in input.Clusters)
        {
            // A host in a maintenance window (configured or set through the API) is neither source nor destination,
            // as a host in vSphere maintenance mode is.
            var hosts = cluster.Hosts.Select(h => !h.InMaintenance && inMaintenance(h.Id) ? h with { InMaintenance = true } : h).ToList();
            var settings = balancer.For(cluster.Id, input.NameOf(cluster.Id)).Settings;
            plans.Add(new ClusterPlan(GreedyBalancer.Plan(cluster with { Hosts = hosts }, settings, history), input));
        }

        return plans;
    }

    /// <summary>The hosts VMs left through migrations resolved since <paramref name="since"/>: never a way back.</summary>
    private MigrationHistory RecentMigrations(DateTimeOffset since)
    {
        var history = new MigrationHistory();
        foreach (var tip in _tips.List(TipStatus.Resolved, null).Where(t => t.Action.Kind == TipAction.Migrate && t.UpdatedAt >= since))
        {
            if (tip.Action.Parameters.TryGetValue("vm", out var vm) && tip.Action.Parameters.TryGetValue("from", out var from))
            {
                history.RecordDeparture(vm, from, tip.UpdatedAt);
            }
        }

        return history;
    }
}
