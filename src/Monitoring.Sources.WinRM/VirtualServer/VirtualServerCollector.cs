using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.VirtualServer;

/// <summary>Collects the inventory of a Virtual Server 2005 R2 host: the Windows host and its volumes, and the
/// virtual machines its WMI provider (<c>root/vm/virtualserver</c>, class <c>VirtualMachine</c>) lists, with
/// health from the VM Additions heartbeat.</summary>
/// <remarks>The provider lists running virtual machines (its objects are the ones the performance counters
/// track), so every VM it lists is powered on; a VM that stops leaves the list and is marked gone. Its class
/// definition is not published in a form we could check; the properties read are documented by Microsoft's
/// Virtual Server team (Name and the heartbeat counters) and are read as optional otherwise.</remarks>
public sealed class VirtualServerCollector : IInventoryCollector
{
    public const string Namespace = "root/vm/virtualserver";
    private const string VmQuery = "SELECT * FROM VirtualMachine";

    private readonly WinRMSessionPool _pool;
    private readonly ILogger<VirtualServerCollector> _logger;
    private readonly TimeProvider _time;

    public VirtualServerCollector(WinRMSessionPool pool, ILogger<VirtualServerCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.VirtualServer;

    /// <inheritdoc/>
    public async Task<InventorySnapshot> CollectInventoryAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var session = _pool.SessionFor(target);
        var facts = await WindowsHostReader.ReadAsync(session, HypervisorKind.VirtualServer, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<WmiInstance> machines;
        try
        {
            machines = await session.Client.QueryAsync(Namespace, VmQuery, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFault fault) when (fault.Kind is WmiErrorKind.InvalidNamespace or WmiErrorKind.InvalidClass)
        {
            throw new TargetFailureException(
                FailureKind.Protocol,
                $"{Namespace} does not exist on this host ({fault.Codes}): Virtual Server 2005 R2 is not installed, or its WMI provider is missing (it came with Virtual Server 2005 R2 SP1)",
                fault);
        }
        catch (WsManFault fault)
        {
            throw WinRMFailures.From(fault, $"{Namespace}: {VmQuery}");
        }

        var vms = machines
            .Where(m => m.String("Name") is not null)
            .Select(m => new InventoryVm(
                ObjectId.Create(target.Name, "vs/" + m.String("Name")),
                target.Name,
                m.String("Name")!,
                facts.Host.Id,
                PowerState.PoweredOn,
                HeartbeatHealth(m.Int64("HeartbeatPercentage"), m.Int64("HeartbeatCount")),
                CpuCount: null,
                MemoryBytes: null,
                GuestOs: null,
                IsTemplate: false))
            .ToList();
        WinRMLog.InventoryRead(_logger, target.Name, 1, vms.Count, facts.Volumes.Count, "virtualserver");
        return new InventorySnapshot(target.Name, _time.GetUtcNow(), [], [], [facts.Host], vms, facts.Volumes)
        {
            Gaps = session.SortedGaps(),
        };
    }

    /// <summary>The share of expected heartbeats received in the last interval: 100 is healthy; fewer means the
    /// guest is struggling or hung. No heartbeat ever means no VM Additions: no opinion.</summary>
    internal static Health HeartbeatHealth(long? percentage, long? count) => (percentage, count) switch
    {
        (null, _) => Health.Unknown("HeartbeatPercentage not reported"),
        (_, 0) => Health.Unknown("no heartbeat received (VM Additions not installed?)"),
        ( >= 100, _) => new Health(HealthState.Healthy, null),
        ( > 0, _) => new Health(HealthState.Warning, $"heartbeat {percentage} % of expected"),
        _ => new Health(HealthState.Critical, "heartbeat stopped"),
    };
}
