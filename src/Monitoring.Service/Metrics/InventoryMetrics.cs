using Monitoring.Core.Model;
using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary>The values an inventory pass reads (sizes, power state, health, datastore space) as gauges,
/// plus how many objects of each kind the pass found.</summary>
/// <remarks>Health gauges carry <see cref="HealthState"/>'s numbers (0 unknown, 1 healthy, 2 warning,
/// 3 critical) and power state <see cref="PowerState"/>'s (0 unknown, 1 poweredOn, 2 poweredOff,
/// 3 suspended): both are documented in docs/metrics.md and the rules compare against them.</remarks>
internal sealed class InventoryMetrics
{
    // Each host's and VM's series, numbered for ObjectSeries.
    private const int HostInfo = 0;
    private const int HostHealth = 1;
    private const int HostConnected = 2;
    private const int HostMaintenance = 3;
    private const int HostCpus = 4;
    private const int HostMemory = 5;
    private const int HostBootTime = 6;
    private const int HostSlots = 7;

    private const int VmInfo = 0;
    private const int VmPowerState = 1;
    private const int VmHealth = 2;
    private const int VmHeartbeat = 3;
    private const int VmCpus = 4;
    private const int VmMemory = 5;
    private const int VmBootTime = 6;
    private const int VmSlots = 7;

    private readonly Dictionary<string, (ObjectSeriesSet Hosts, ObjectSeriesSet Vms)> _objectSeries = new(StringComparer.Ordinal);
    private readonly PublishedSeries _others = new();
    private readonly Gauge _clusterHealth;
    private readonly Gauge _datastoreInfo;
    private readonly Gauge _datastoreHealth;
    private readonly Gauge _datastoreAccessible;
    private readonly Gauge _datastoreCapacity;
    private readonly Gauge _datastoreFree;
    private readonly Gauge _objects;

    public InventoryMetrics(MetricFamilies factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        string[] cluster = ["target", "id", "cluster"];
        string[] datastore = ["target", "id", "datastore"];
        factory.ObjectGauge("virt_host_info", "Always 1: a host's descriptive labels (os).", false, HostInfo, Hosts, "os");
        factory.ObjectGauge("virt_host_health", "Host health: 0 unknown, 1 healthy, 2 warning, 3 critical.", false, HostHealth, Hosts);
        factory.ObjectGauge("virt_host_connected", "1 if the source reaches the host (vSphere connectionState connected), else 0.", false, HostConnected, Hosts);
        factory.ObjectGauge("virt_host_maintenance_mode", "1 if the host is in maintenance mode, else 0.", false, HostMaintenance, Hosts);
        factory.ObjectGauge("virt_host_cpus", "Logical processors (hardware threads) of the host.", false, HostCpus, Hosts);
        factory.ObjectGauge("virt_host_memory_bytes", "Physical memory of the host.", false, HostMemory, Hosts);
        factory.ObjectGauge("virt_host_boot_time_seconds", "When the host's operating system last started, in Unix seconds (sources that report it).", false, HostBootTime, Hosts);
        factory.ObjectGauge("virt_vm_info", "Always 1: a VM's descriptive labels (its host, guest OS).", true, VmInfo, Vms, "host", "guest_os");
        factory.ObjectGauge("virt_vm_power_state", "VM power state: 0 unknown, 1 poweredOn, 2 poweredOff, 3 suspended.", true, VmPowerState, Vms);
        factory.ObjectGauge("virt_vm_health", "VM health: 0 unknown, 1 healthy, 2 warning, 3 critical.", true, VmHealth, Vms);
        factory.ObjectGauge("virt_vm_heartbeat", "Guest heartbeat: 0 unknown (no tools), 1 healthy, 2 intermittent, 3 lost.", true, VmHeartbeat, Vms);
        factory.ObjectGauge("virt_vm_cpus", "Configured virtual CPUs of the VM.", true, VmCpus, Vms);
        factory.ObjectGauge("virt_vm_memory_bytes", "Configured memory of the VM.", true, VmMemory, Vms);
        factory.ObjectGauge("virt_vm_boot_time_seconds", "When the running VM last started, in Unix seconds, to the minute (sources that report it).", true, VmBootTime, Vms);
        _clusterHealth = factory.Gauge("virt_cluster_health", "Cluster health: 0 unknown, 1 healthy, 2 warning, 3 critical.", cluster);
        _datastoreInfo = factory.Gauge("virt_datastore_info", "Always 1: a datastore's descriptive labels (type).", [.. datastore, "type"]);
        _datastoreHealth = factory.Gauge("virt_datastore_health", "Datastore health: 0 unknown, 1 healthy, 2 warning, 3 critical.", datastore);
        _datastoreAccessible = factory.Gauge("virt_datastore_accessible", "1 if the datastore is accessible, else 0.", datastore);
        _datastoreCapacity = factory.Gauge("virt_datastore_capacity_bytes", "Datastore capacity.", datastore);
        _datastoreFree = factory.Gauge("virt_datastore_free_bytes", "Datastore free space.", datastore);
        _objects = factory.Gauge("virt_collector_objects", "Objects the last successful inventory pass of a target found, by kind.", ["target", "kind"]);
    }

    /// <summary>Sets every gauge of one target's inventory and removes the series it no longer has.</summary>
    /// <param name="snapshot">The pass.</param>
    /// <param name="labels">The hosts' and VMs' labels, from the same pass.</param>
    /// <remarks>Not thread-safe: the exporter calls it under its lock.</remarks>
    public void Publish(InventorySnapshot snapshot, IReadOnlyDictionary<string, ObjectLabels> labels)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(labels);
        var target = snapshot.Target;
        if (!_objectSeries.TryGetValue(target, out var kept))
        {
            kept = (new ObjectSeriesSet(target, HostSlots), new ObjectSeriesSet(target, VmSlots));
            _objectSeries[target] = kept;
        }

        var (hostSet, vmSet) = kept;
        hostSet.BeginPass();
        vmSet.BeginPass();

        var hostNames = new Dictionary<string, string>(snapshot.Hosts.Count, StringComparer.Ordinal);
        foreach (var host in snapshot.Hosts)
        {
            hostNames[host.Id] = host.Name;
            var series = hostSet.Take(host.Id, labels[host.Id]);
            series.SetInfo(HostInfo, host.Os ?? string.Empty);
            series.Set(HostHealth, (int)host.Health.State);
            series.Set(HostConnected, host.ConnectionState is null or "connected" ? 1 : 0);
            series.Set(HostMaintenance, host.InMaintenance ? 1 : 0);
            series.Set(HostCpus, host.CpuCount);
            series.Set(HostMemory, host.MemoryBytes);
            series.Set(HostBootTime, UnixSeconds(host.BootedAt));
        }

        var vmCount = 0;
        foreach (var vm in snapshot.Vms)
        {
            if (vm.IsTemplate)
            {
                continue; // a template never runs: it is inventory, not a workload
            }

            vmCount++;
            var series = vmSet.Take(vm.Id, labels[vm.Id]);
            var hostName = vm.HostId is { } hostId && hostNames.TryGetValue(hostId, out var name) ? name : string.Empty;
            series.SetInfo(VmInfo, hostName, vm.GuestOs ?? string.Empty);
            series.Set(VmPowerState, (int)vm.PowerState);
            series.Set(VmHealth, (int)vm.Health.State);
            series.Set(VmHeartbeat, (int)vm.GuestHeartbeat);
            series.Set(VmCpus, vm.CpuCount);
            series.Set(VmMemory, vm.MemoryBytes);
            series.Set(VmBootTime, UnixSeconds(vm.BootedAt));
        }

        hostSet.EndPass();
        vmSet.EndPass();

        // Clusters, datastores and the object counts are few: compared as a whole, as before.
        var set = new HashSet<(Gauge, LabelValues)>(_others.CountOf(target));
        foreach (var cluster in snapshot.Clusters)
        {
            Put(set, _clusterHealth, new LabelValues(target, cluster.Id, cluster.Name), (int)cluster.Health.State);
        }

        foreach (var datastore in snapshot.Datastores)
        {
            var values = new LabelValues(target, datastore.Id, datastore.Name);
            Put(set, _datastoreInfo, new LabelValues(target, datastore.Id, datastore.Name, datastore.Type ?? string.Empty), 1);
            Put(set, _datastoreHealth, values, (int)datastore.Health.State);
            Put(set, _datastoreAccessible, values, datastore.Accessible ? 1 : 0);
            Put(set, _datastoreCapacity, values, datastore.CapacityBytes);
            Put(set, _datastoreFree, values, datastore.FreeBytes);
        }

        Put(set, _objects, new LabelValues(target, "host"), snapshot.Hosts.Count);
        Put(set, _objects, new LabelValues(target, "vm"), vmCount);
        Put(set, _objects, new LabelValues(target, "cluster"), snapshot.Clusters.Count);
        Put(set, _objects, new LabelValues(target, "datastore"), snapshot.Datastores.Count);
        _others.Replace(target, set);
    }

    private IEnumerable<ObjectSeries> Hosts() => _objectSeries.Values.SelectMany(kept => kept.Hosts.Objects);

    private IEnumerable<ObjectSeries> Vms() => _objectSeries.Values.SelectMany(kept => kept.Vms.Objects);

    /// <summary>Removes every inventory series of a target.</summary>
    public void Forget(string target)
    {
        if (_objectSeries.Remove(target, out var kept))
        {
            kept.Hosts.Clear();
            kept.Vms.Clear();
        }

        _others.Replace(target, []);
    }

    /// <summary>Unix seconds, as Prometheus's <c>node_boot_time_seconds</c> has them; null stays null.</summary>
    private static double? UnixSeconds(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Sets a series, or leaves it out when the source gave no value (no series beats a made-up 0).</summary>
    private static void Put(HashSet<(Gauge, LabelValues)> set, Gauge gauge, LabelValues labels, double? value)
    {
        if (value is not { } v)
        {
            return;
        }

        gauge.WithLabels(labels.Values).Set(v);
        set.Add((gauge, labels));
    }
}
