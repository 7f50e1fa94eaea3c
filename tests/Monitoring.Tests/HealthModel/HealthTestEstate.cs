using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Configuration;
using Monitoring.Core.Model;
using ReportedHealth = Monitoring.Core.Model.Health;
using Monitoring.HealthModel;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Monitoring.HealthModel.Storage;

namespace Monitoring.Tests.HealthModel;

/// <summary>A small estate for health tests: target vc01 with one cluster of four hosts (in host group "prod"),
/// a standalone host, two VMs and a datastore; a fake clock; in-memory stores.</summary>
internal sealed class HealthTestEstate
{
    public const string Target = "vc01";
    public const string Cluster = "vc01/domain-c1";
    public const string Host1 = "vc01/host-1";
    public const string Host2 = "vc01/host-2";
    public const string Host3 = "vc01/host-3";
    public const string Host4 = "vc01/host-4";
    public const string Standalone = "vc01/host-9";
    public const string Vm1 = "vc01/vm-1";
    public const string Vm2 = "vc01/vm-2";
    public const string Datastore = "vc01/datastore-1";
    public const string TargetNode = "target:vc01";
    public const string Group = "group:prod";

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The standard monitors with the thresholds these tests were written for: host CPU 80/90 %, memory
    /// 85/95 %, three samples in a row (one minute of 20-second samples), as an operator could configure them.</summary>
    public static readonly IReadOnlyList<MonitorDefinition> Monitors = StandardMonitors.From(
        Thresholds.Default with { HostCpuWarning = 0.80, HostCpuCritical = 0.90, HostMemoryWarning = 0.85, HostMemoryCritical = 0.95, HostPressureFor = TimeSpan.FromMinutes(1) },
        TimeSpan.FromSeconds(20));

    public static MonitorDefinition HostCpu => Monitors.Single(m => m.Name == StandardMonitors.HostCpuName);

    public static MonitorDefinition HostMemory => Monitors.Single(m => m.Name == StandardMonitors.HostMemoryName);

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryStateChangeStore History { get; } = new();

    public InMemoryAlertStore AlertStore { get; } = new();

    public InMemoryMaintenanceWindowStore Windows { get; } = new();

    public static InventorySnapshot Snapshot()
    {
        var ok = new ReportedHealth(HealthState.Healthy, null);
        InventoryHost HostOf(string id, string? cluster) =>
            new(id, Target, id, cluster, "vc01/datacenter-1", HypervisorKind.Esx, ok, 8, 64L << 30, null, "connected", false);
        return new InventorySnapshot(
            Target,
            Start,
            [],
            [new InventoryCluster(Cluster, Target, "prod-cluster", null, ok)],
            [HostOf(Host1, Cluster), HostOf(Host2, Cluster), HostOf(Host3, Cluster), HostOf(Host4, Cluster), HostOf(Standalone, null)],
            [
                new InventoryVm(Vm1, Target, "web-01", Host1, PowerState.PoweredOn, ok, 2, 4L << 30, null, false),
                new InventoryVm(Vm2, Target, "web-02", Host2, PowerState.PoweredOn, ok, 2, 4L << 30, null, false),
            ],
            [new InventoryDatastore(Datastore, Target, "ds1", null, ok, 1L << 40, 1L << 39, "VMFS", true)]);
    }

    public static HealthTopology Topology() =>
        new HealthTopologyBuilder().AddInventory(Snapshot()).AddHostGroup(new HostGroup("prod", [Cluster])).Build();

    public HealthEngine Engine(HealthSettings? settings = null, ResolutionStateCatalog? states = null) =>
        new((settings ?? new HealthSettings()) with { Monitors = Monitors }, Topology(), History, AlertStore, Windows, states ?? new ResolutionStateCatalog(), Clock);

    /// <summary>Feeds one sample and moves the clock on by the realtime interval (20 s), as the collector would.</summary>
    public void Sample(HealthEngine engine, string objectId, string metric, params double[] values)
    {
        foreach (var value in values)
        {
            engine.RecordSample(objectId, metric, value);
            Clock.Advance(TimeSpan.FromSeconds(20));
        }
    }
}
