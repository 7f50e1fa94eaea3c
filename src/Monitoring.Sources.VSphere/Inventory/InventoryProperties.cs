using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Inventory;

/// <summary>The only properties an inventory pass asks for: a full object is ~100x larger on the wire.</summary>
internal static class InventoryProperties
{
    public static readonly PropertySpec Datacenter = new("Datacenter", ["name"]);

    public static readonly PropertySpec Cluster = new("ClusterComputeResource", ["name", "overallStatus"]);

    public static readonly PropertySpec Host = new("HostSystem",
    [
        "name",
        "overallStatus",
        "parent",
        "summary.hardware.numCpuThreads",
        "summary.hardware.memorySize",
        "summary.config.product.fullName",
        "runtime.connectionState",
        "runtime.inMaintenanceMode",
    ]);

    // Placement comes from runtime.host: HostSystem.vm can be stale after a migration.
    public static readonly PropertySpec Vm = new("VirtualMachine",
    [
        "name",
        "overallStatus",
        "runtime.host",
        "runtime.powerState",
        "summary.config.numCpu",
        "summary.config.memorySizeMB",
        "summary.config.guestFullName",
        "summary.config.template",
        "summary.quickStats.guestHeartbeatStatus",
    ]);

    public static readonly PropertySpec Datastore = new("Datastore",
    [
        "name",
        "overallStatus",
        "summary.capacity",
        "summary.freeSpace",
        "summary.type",
        "summary.accessible",
    ]);

    /// <summary>The types read under each datacenter, in one view.</summary>
    public static readonly IReadOnlyList<PropertySpec> UnderDatacenter = [Cluster, Host, Vm, Datastore];
}
