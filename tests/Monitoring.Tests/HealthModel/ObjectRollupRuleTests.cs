using Monitoring.Core.Model;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Rollup;
using Monitoring.HealthModel.Settings;
using Xunit;
using E = Monitoring.Tests.HealthModel.HealthTestEstate;

namespace Monitoring.Tests.HealthModel;

/// <summary>A rule set for one object (a host group's configured Rollup) decides how that object's members roll up,
/// whatever the rule for its kind; other objects keep theirs.</summary>
public sealed class ObjectRollupRuleTests
{
    private const string Cpu = "cpu.usage";

    /// <summary>Group "prod" holds the cluster (four hosts) and the standalone host.</summary>
    private static HealthTopology Topology() =>
        new HealthTopologyBuilder().AddInventory(E.Snapshot()).AddHostGroup(new HostGroup("prod", [E.Cluster, E.Standalone])).Build();

    [Theory]
    [InlineData(false, HealthState.Critical)] // worst-of by default: the critical cluster decides
    [InlineData(true, HealthState.Healthy)]   // best-of for the group: the healthy standalone host decides
    public void SetMonitor_GroupRolledBestOf_OneCriticalMemberLeavesItHealthy(bool bestOf, HealthState expected)
    {
        var rules = new RollupRules();
        if (bestOf)
        {
            rules.SetFor(E.Group, RollupPolicy.BestOf);
        }

        var rollup = new HealthRollup(Topology(), rules);
        rollup.SetMonitor(E.Standalone, "host.cpu", HealthState.Healthy);
        rollup.SetMonitor(E.Host1, "host.cpu", HealthState.Critical);

        Assert.Equal(HealthState.Critical, rollup.Get(E.Cluster).State); // the cluster keeps worst-of
        Assert.Equal(expected, rollup.Get(E.Group).State);
        Assert.StartsWith(bestOf ? "best of 2 members" : "worst of 1 clusters", rollup.Get(E.Group).Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectRule_ReplacesTheRulesByKindForThatObjectOnly()
    {
        // By kind, best-of for a group's clusters would leave "prod" healthy with its one critical cluster; the group's
        // own worst-of rule takes every member together.
        var rules = new RollupRules().Set(HealthObjectKind.HostGroup, HealthObjectKind.Cluster, RollupPolicy.BestOf).SetFor(E.Group, RollupPolicy.WorstOf);
        var rollup = new HealthRollup(Topology(), rules);
        rollup.SetMonitor(E.Standalone, "host.cpu", HealthState.Healthy);
        rollup.SetMonitor(E.Host1, "host.cpu", HealthState.Critical);

        Assert.Equal(HealthState.Critical, rollup.Get(E.Group).State);
        Assert.Equal("worst of 2 members (vc01/domain-c1 is critical)", rollup.Get(E.Group).Cause);
        Assert.Null(rules.ForObject("group:test"));
        Assert.Equal(RollupPolicy.BestOf, rules.For(HealthObjectKind.HostGroup, HealthObjectKind.Cluster));
    }

    [Fact]
    public void Engine_ClusterRolledAt75Percent_OneHotHostKeepsItHealthyASecondTurnsItCritical()
    {
        var estate = new E();
        var engine = estate.Engine(new HealthSettings { Rollup = new RollupRules().SetFor(E.Cluster, RollupPolicy.Percentage(75)) });
        foreach (var host in new[] { E.Host1, E.Host2, E.Host3, E.Host4 })
        {
            estate.Sample(engine, host, Cpu, 0.30);
        }

        // Three samples in a row over critical (the fake clock moves 20 s each): host 1 critical, the cluster not.
        estate.Sample(engine, E.Host1, Cpu, 0.95, 0.96, 0.97);
        Assert.Equal(HealthState.Critical, engine.HealthOf(E.Host1).Health.State);
        Assert.Equal(HealthState.Healthy, engine.HealthOf(E.Cluster).Health.State);

        estate.Sample(engine, E.Host2, Cpu, 0.95, 0.96, 0.97);
        var cluster = engine.HealthOf(E.Cluster).Health;
        Assert.Equal(HealthState.Critical, cluster.State);
        Assert.StartsWith("75 % 4 hosts", cluster.Cause, StringComparison.Ordinal);
        Assert.Contains(engine.History(E.Cluster, E.Start), c => c.Monitor is null && c.To == HealthState.Critical);
    }
}
