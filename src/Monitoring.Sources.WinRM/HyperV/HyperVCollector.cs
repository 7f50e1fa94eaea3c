using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Collects the inventory of a Hyper-V host (Server 2008/2008 R2 in <c>root/virtualization</c>,
/// 2012 and later in <c>root/virtualization/v2</c>): the host, its volumes and its VMs with power state,
/// health (including the heartbeat), processors, memory, guest OS and virtual hard disks.</summary>
public sealed class HyperVCollector : IInventoryCollector
{
    private const long MiB = 1024 * 1024;
    private const string VmQuery = "SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'";
    private const string MemoryQuery = "SELECT * FROM Msvm_MemorySettingData";

    private readonly WinRMSessionPool _pool;
    private readonly ILogger<HyperVCollector> _logger;
    private readonly TimeProvider _time;

    public HyperVCollector(WinRMSessionPool pool, ILogger<HyperVCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.HyperV;

    /// <inheritdoc/>
    public async Task<InventorySnapshot> CollectInventoryAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var session = _pool.SessionFor(target);
        var facts = await WindowsHostReader.ReadAsync(session, HypervisorKind.HyperV, cancellationToken).ConfigureAwait(false);
        var host = await HyperVHost.ResolveAsync(session, cancellationToken).ConfigureAwait(false);
        var machines = await session.QueryAsync(host.Namespace.Path, VmQuery, cancellationToken).ConfigureAwait(false);
        var memory = MemoryByVm(await session.QueryOptionalAsync(host.Namespace.Path, MemoryQuery, "Msvm_MemorySettingData", cancellationToken).ConfigureAwait(false));
        var summaries = await HyperVSummary.ReadAsync(session, host, cancellationToken).ConfigureAwait(false);
        var summariesReadAt = _time.GetUtcNow(); // UpTime counts to this reply

        var vms = new List<InventoryVm>(machines.Count);
        var vmIds = new Dictionary<string, string>(machines.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var machine in machines)
        {
            var guid = machine.String("Name");
            if (guid is null)
            {
                continue;
            }

            vmIds[guid] = ObjectId.Create(target.Name, guid);
            summaries.TryGetValue(guid, out var summary);
            var enabled = machine.Int64("EnabledState") ?? summary?.Int64("EnabledState");
            var power = HyperVStates.PowerOf(enabled, host.Namespace.IsV2);
            vms.Add(new InventoryVm(
                vmIds[guid],
                target.Name,
                machine.String("ElementName") ?? summary?.String("ElementName") ?? guid,
                facts.Host.Id,
                power,
                HyperVStates.HealthOf(machine.Int64("HealthState") ?? summary?.Int64("HealthState"), summary?.Int64("Heartbeat"), power),
                (int?)summary?.Int64("NumberOfProcessors"),
                memory.TryGetValue(guid, out var megabytes) ? megabytes * MiB : null,
                summary?.String("GuestOperatingSystem"),
                IsTemplate: false)
            {
                BootedAt = HyperVBootTime.From(summary?.Int64("UpTime"), power, summariesReadAt),
            });
        }

        var diskSettings = await HyperVVirtualDisks.ReadSettingsAsync(session, host.Namespace, cancellationToken).ConfigureAwait(false);
        var disks = HyperVVirtualDisks.From(diskSettings, host.Namespace.IsV2, target.Name, vmIds);

        // The realtime pass ties storage counters to VMs through the same settings: it need not read them again.
        session.DiskOwners = HyperVDiskOwners.From(diskSettings, host.Namespace.IsV2, [], _time.GetUtcNow());
        WinRMLog.InventoryRead(_logger, target.Name, 1, vms.Count, facts.Volumes.Count, host.Namespace.IsV2 ? "hyperv v2" : "hyperv v1");
        return new InventorySnapshot(target.Name, _time.GetUtcNow(), [], [], [facts.Host], vms, facts.Volumes)
        {
            Gaps = session.SortedGaps(),
            VirtualDisks = disks,
        };
    }

    /// <summary>Configured memory (MB) by VM GUID. A VM's active memory settings have the InstanceID
    /// <c>Microsoft:&lt;VM GUID&gt;\&lt;device&gt;</c>; snapshots' settings carry other GUIDs and fall out.</summary>
    private static Dictionary<string, long> MemoryByVm(IReadOnlyList<WmiInstance> settings)
    {
        var byVm = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            if (HyperVSettingId.VmGuid(setting.String("InstanceID")) is { } guid && setting.Int64("VirtualQuantity") is { } megabytes)
            {
                byVm.TryAdd(guid, megabytes);
            }
        }

        return byVm;
    }
}
