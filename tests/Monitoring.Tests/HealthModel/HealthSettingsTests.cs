using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Xunit;
using E = Monitoring.Tests.HealthModel.HealthTestEstate;

namespace Monitoring.Tests.HealthModel;

public sealed class HealthSettingsTests
{
    private static SettingsResolver Resolver(params MonitorOverride[] overrides) =>
        new(new HealthSettings { Overrides = overrides, Monitors = E.Monitors }, E.Topology());

    [Fact]
    public void Resolve_GroupThenObjectOverride_ObjectWinsAndUnsetValuesComeFromBelow()
    {
        var resolver = Resolver(
            new MonitorOverride("host.cpu", HostGroup: "prod", Warning: 0.70, ConsecutiveSamples: 5),
            new MonitorOverride("host.cpu", ObjectId: E.Host1, Warning: 0.60));

        var host1 = resolver.Resolve(E.HostCpu, E.Host1).Thresholds!;
        var host2 = resolver.Resolve(E.HostCpu, E.Host2).Thresholds!;
        var standalone = resolver.Resolve(E.HostCpu, E.Standalone).Thresholds!;

        Assert.Equal((0.60, 0.90, 5), (host1.Warning!.Value, host1.Critical!.Value, host1.ConsecutiveSamples));
        Assert.Equal((0.70, 0.90, 5), (host2.Warning!.Value, host2.Critical!.Value, host2.ConsecutiveSamples));
        Assert.Equal(E.HostCpu.Thresholds, standalone);
    }

    [Fact]
    public void Resolve_GroupDisablesAMonitor_OnlyItsMembersLoseIt()
    {
        var resolver = Resolver(new MonitorOverride("host.memory", HostGroup: "prod", Enabled: false));

        Assert.False(resolver.Resolve(E.HostMemory, E.Host3).Enabled);
        Assert.True(resolver.Resolve(E.HostMemory, E.Standalone).Enabled);
    }

    [Fact]
    public void Create_OverrideNamingAnUnknownObject_IsAClearError()
    {
        var error = Assert.Throws<HealthSettingsException>(() => Resolver(new MonitorOverride("host.cpu", ObjectId: "vc01/host-404", Warning: 0.5)));

        Assert.Equal("Overrides:0:Object: \"vc01/host-404\" is not a known object (an inventory id such as vc01/host-12)", Assert.Single(error.Errors));
    }

    [Fact]
    public void Create_OverrideOnTheWrongKindUnknownGroupAndUnknownMonitor_AreAllListed()
    {
        var error = Assert.Throws<HealthSettingsException>(() => Resolver(
            new MonitorOverride("host.cpu", ObjectId: E.Vm1, Warning: 0.5),
            new MonitorOverride("host.cpu", HostGroup: "test", Warning: 0.5),
            new MonitorOverride("host.disk", HostGroup: "prod", Enabled: false),
            new MonitorOverride("target.availability", ObjectId: E.TargetNode, Warning: 1)));

        Assert.Equal(4, error.Errors.Count);
        Assert.Contains("Overrides:0:Object: \"vc01/vm-1\" is a vm; monitor \"host.cpu\" applies to host objects", error.Errors);
        Assert.Contains("Overrides:1:HostGroup: \"test\" is not a defined host group", error.Errors);
        Assert.StartsWith("Overrides:2:Monitor: \"host.disk\" is not a known monitor; known: cluster.status, datastore.space", error.Errors[2], StringComparison.Ordinal);
        Assert.Contains("Overrides:3: monitor \"target.availability\" (availability) has no thresholds; only Enabled can be overridden", error.Errors);
        Assert.Contains("Overrides:3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ImpossibleThresholds_NameTheOverrideAndTheReason()
    {
        var error = Assert.Throws<HealthSettingsException>(() => Resolver(
            new MonitorOverride("host.cpu", HostGroup: "prod", Warning: 0.95),
            new MonitorOverride("host.memory", ObjectId: E.Host1, Critical: 1.2)));

        Assert.Equal(
            [
                "Overrides:0: monitor \"host.cpu\" on host group \"prod\": warning 0.95 must be below critical 0.9 for a value where high is bad",
                "Overrides:1: monitor \"host.memory\" on object \"vc01/host-1\": critical threshold 1.2 can never be reached: the value ranges from 0 to 1",
            ],
            error.Errors);
    }

    [Fact]
    public void Create_ObjectOverrideThatClashesWithItsGroupOverride_IsAnError()
    {
        // Each is fine alone against the defaults; together host-1 would warn at 0.85 and be critical at 0.80.
        var error = Assert.Throws<HealthSettingsException>(() => Resolver(
            new MonitorOverride("host.cpu", HostGroup: "prod", Warning: 0.85),
            new MonitorOverride("host.cpu", ObjectId: E.Host1, Critical: 0.80)));

        Assert.Contains("Overrides:1: monitor \"host.cpu\" on object \"vc01/host-1\": warning 0.85 must be below critical 0.8", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HostGroupWithUnknownMemberOrParent_IsAnError()
    {
        var builder = new HealthTopologyBuilder()
            .AddInventory(E.Snapshot())
            .AddHostGroup(new HostGroup("prod", [E.Cluster, "vc01/domain-c99"], Parent: "europe"));

        var error = Assert.Throws<HealthSettingsException>(builder.Build);

        Assert.Equal(
            ["HostGroups:0:Parent: \"europe\" is not a defined host group", "HostGroups:0:Members:1: \"vc01/domain-c99\" is not a known cluster or host"],
            error.Errors);
    }
}
