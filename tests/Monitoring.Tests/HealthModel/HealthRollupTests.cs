using Monitoring.Core.Model;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Rollup;
using Xunit;
using E = Monitoring.Tests.HealthModel.HealthTestEstate;

namespace Monitoring.Tests.HealthModel;

public sealed class HealthRollupTests
{
    [Theory]
    [InlineData(new[] { HealthState.Healthy, HealthState.Warning, HealthState.Critical }, HealthState.Critical)]
    [InlineData(new[] { HealthState.Healthy, HealthState.Unknown }, HealthState.Healthy)]
    [InlineData(new[] { HealthState.Unknown, HealthState.Unknown }, HealthState.Unknown)]
    public void WorstOf_TakesTheWorstKnownState(HealthState[] members, HealthState expected) =>
        Assert.Equal(expected, RollupPolicy.WorstOf.Combine(members));

    [Theory]
    [InlineData(new[] { HealthState.Critical, HealthState.Warning, HealthState.Unknown }, HealthState.Warning)]
    [InlineData(new[] { HealthState.Critical, HealthState.Healthy }, HealthState.Healthy)]
    public void BestOf_TakesTheBestKnownState(HealthState[] members, HealthState expected) =>
        Assert.Equal(expected, RollupPolicy.BestOf.Combine(members));

    [Theory]
    [InlineData(75, HealthState.Healthy)]   // the best 3 of 4 are healthy
    [InlineData(76, HealthState.Critical)]  // 76 % of 4 rounds up to all 4
    [InlineData(50, HealthState.Healthy)]
    [InlineData(100, HealthState.Critical)] // 100 % is worst-of
    public void Percentage_OneCriticalOfFour_DependsOnTheShareThatMustBeHealthy(double percent, HealthState expected)
    {
        HealthState[] hosts = [HealthState.Healthy, HealthState.Critical, HealthState.Healthy, HealthState.Healthy];

        Assert.Equal(expected, RollupPolicy.Percentage(percent).Combine(hosts));
    }

    [Fact]
    public void Percentage_TwoWarningOneCriticalOfFive_At60PercentIsWarning()
    {
        HealthState[] hosts = [HealthState.Healthy, HealthState.Healthy, HealthState.Warning, HealthState.Warning, HealthState.Critical];

        Assert.Equal(HealthState.Healthy, RollupPolicy.Percentage(40).Combine(hosts));
        Assert.Equal(HealthState.Warning, RollupPolicy.Percentage(60).Combine(hosts));
        Assert.Equal(HealthState.Critical, RollupPolicy.Percentage(100).Combine(hosts));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(double.NaN)]
    public void Percentage_OutOfRange_IsRefused(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RollupPolicy.Percentage(percent));

    [Fact]
    public void SetMonitor_CriticalVm_RollsUpThroughHostClusterGroupTargetEstateByDefault()
    {
        var rollup = new HealthRollup(E.Topology(), RollupRules.Default);
        foreach (var host in new[] { E.Host1, E.Host2, E.Host3, E.Host4 })
        {
            rollup.SetMonitor(host, "host.cpu", HealthState.Healthy);
        }

        var changes = rollup.SetMonitor(E.Vm1, "vm.status", HealthState.Critical);

        Assert.Equal([E.Vm1, E.Host1, E.Cluster, E.Group, HealthTopology.EstateId], changes.Select(c => c.ObjectId));
        Assert.All(changes, c => Assert.Equal(HealthState.Critical, c.After.State));
        Assert.Equal("worst of 1 VMs (vc01/vm-1 is critical)", rollup.Get(E.Host1).Cause);
        Assert.Equal(HealthState.Healthy, rollup.Get(E.Host1).Own);
        Assert.Equal(HealthState.Unknown, rollup.Get(E.TargetNode).State); // the cluster sits under its host group, not the target
    }

    [Fact]
    public void SetMonitor_ClusterRollsHostsByPercentage_OneBadHostOfFourKeepsItHealthy()
    {
        var rules = new RollupRules().Set(HealthObjectKind.Cluster, HealthObjectKind.Host, RollupPolicy.Percentage(75));
        var rollup = new HealthRollup(E.Topology(), rules);
        foreach (var host in new[] { E.Host1, E.Host2, E.Host3 })
        {
            rollup.SetMonitor(host, "host.cpu", HealthState.Healthy);
        }

        rollup.SetMonitor(E.Host4, "host.cpu", HealthState.Critical);
        Assert.Equal(HealthState.Healthy, rollup.Get(E.Cluster).State);

        rollup.SetMonitor(E.Host3, "host.cpu", HealthState.Warning);
        Assert.Equal(HealthState.Warning, rollup.Get(E.Cluster).State);
        Assert.Equal("75 % 4 hosts (vc01/host-3 is warning)", rollup.Get(E.Cluster).Cause);
    }

    [Fact]
    public void SetMonitor_ObjectOwnMonitors_AreWorstOf()
    {
        var rollup = new HealthRollup(E.Topology(), RollupRules.Default);

        rollup.SetMonitor(E.Standalone, "host.cpu", HealthState.Warning);
        rollup.SetMonitor(E.Standalone, "host.memory", HealthState.Critical);
        rollup.SetMonitor(E.Standalone, "host.status", HealthState.Healthy);

        Assert.Equal(new RolledHealth(HealthState.Critical, HealthState.Critical, "monitor host.memory is critical"), rollup.Get(E.Standalone));
        Assert.Equal(HealthState.Critical, rollup.Get(E.TargetNode).State);
    }

    [Fact]
    public void SettleAfterSetMonitorLater_GivesTheSameStatesAsSettingEachAtOnce_AndOneChangePerObject()
    {
        var now = new HealthRollup(E.Topology(), RollupRules.Default);
        var later = new HealthRollup(E.Topology(), RollupRules.Default);
        (string Id, string Monitor, HealthState State)[] pass =
        [
            (E.Host1, "host.cpu", HealthState.Healthy), (E.Host2, "host.cpu", HealthState.Healthy),
            (E.Vm1, "vm.status", HealthState.Warning), (E.Vm1, "vm.status", HealthState.Critical),
            (E.Host3, "host.cpu", HealthState.Healthy), (E.Standalone, "host.cpu", HealthState.Warning),
        ];

        foreach (var (id, monitor, state) in pass)
        {
            now.SetMonitor(id, monitor, state);
            later.SetMonitorLater(id, monitor, state);
        }

        Assert.Equal(HealthState.Unknown, later.Get(E.Cluster).State); // nothing rolled up before the settle
        var changes = later.Settle();

        foreach (var id in new[] { E.Vm1, E.Host1, E.Host2, E.Host3, E.Standalone, E.Cluster, E.Group, E.TargetNode, HealthTopology.EstateId })
        {
            Assert.Equal(now.Get(id), later.Get(id));
        }

        // Each object once, from its state before the pass to its state after (vm-1 never shows its passing warning).
        var ids = changes.Select(c => c.ObjectId).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        var vm = Assert.Single(changes, c => c.ObjectId == E.Vm1);
        Assert.Equal((HealthState.Unknown, HealthState.Critical), (vm.Before.State, vm.After.State));
        Assert.Equal(HealthTopology.EstateId, ids[^1]);
        Assert.True(ids.IndexOf(E.Host1) < ids.IndexOf(E.Cluster) && ids.IndexOf(E.Cluster) < ids.IndexOf(E.Group));
        Assert.False(later.HasUnsettled);
        Assert.Empty(later.Settle());
    }
}
