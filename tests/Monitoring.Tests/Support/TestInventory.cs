using Monitoring.Core.Model;
// The namespace Monitoring.HealthModel (the health model) hides the type Health inside Monitoring.*: name it by an alias.
using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.Tests.Support;

/// <summary>Domain inventory as a collector would return it, for storage tests.</summary>
internal static class TestInventory
{
    public static InventorySnapshot Snapshot(string target, DateTimeOffset collectedAt, IEnumerable<InventoryHost> hosts, IEnumerable<InventoryVm> vms) =>
        new(target, collectedAt, [], [], [.. hosts], [.. vms], []);

    public static InventoryHost Host(string target, string key, string name, int cpus = 32, long memory = 137_391_214_592L) =>
        new(ObjectId.Create(target, key), target, name, null, null, HypervisorKind.Esx, new ReportedHealth(HealthState.Healthy, null), cpus, memory, "VMware ESXi 6.7.0", "connected", false);

    public static InventoryVm Vm(string target, string key, string name, string? hostKey, PowerState power = PowerState.PoweredOn) =>
        new(ObjectId.Create(target, key), target, name, hostKey is null ? null : ObjectId.Create(target, hostKey), power, new ReportedHealth(HealthState.Healthy, null), 2, 4L << 30, "Ubuntu Linux (64-bit)", false);
}
