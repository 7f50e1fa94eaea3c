using System.Globalization;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.Windows;

/// <summary>Reads a Windows host's identity, operating system, processors, memory and fixed volumes from
/// <c>root/cimv2</c>: <c>Win32_ComputerSystem</c>, <c>Win32_OperatingSystem</c> (with the last boot), <c>Win32_LogicalDisk</c>.
/// Shared by the Windows, Hyper-V and Virtual Server collectors: each of those hosts is a Windows server.</summary>
internal static class WindowsHostReader
{
    public const string Cimv2 = "root/cimv2";

    /// <summary>Local fixed disks (DriveType 3); removable, network and optical drives are not capacity.</summary>
    private const string VolumesQuery = "SELECT * FROM Win32_LogicalDisk WHERE DriveType = 3";

    public static async Task<HostFacts> ReadAsync(WmiSession session, HypervisorKind hypervisor, CancellationToken cancellationToken)
    {
        var system = await session.FirstAsync(Cimv2, "SELECT * FROM Win32_ComputerSystem", cancellationToken).ConfigureAwait(false)
            ?? throw new TargetFailureException(FailureKind.Protocol, "Win32_ComputerSystem returned no instance");
        var os = await session.FirstAsync(Cimv2, "SELECT * FROM Win32_OperatingSystem", cancellationToken).ConfigureAwait(false);
        var disks = await session.QueryOptionalAsync(Cimv2, VolumesQuery, "Win32_LogicalDisk", cancellationToken).ConfigureAwait(false);

        // The name the host reports for itself, never the target's config name.
        var name = system.String("Name") ?? os?.String("CSName")
            ?? throw new TargetFailureException(FailureKind.Protocol, "Win32_ComputerSystem has no Name");
        var hostId = ObjectId.Create(session.Target, name);
        var host = new InventoryHost(
            hostId,
            session.Target,
            name,
            ClusterId: null,
            DatacenterId: null,
            hypervisor,
            HealthOf(system.String("Status")),
            CpuCount: (int?)system.Int64("NumberOfLogicalProcessors"),
            MemoryBytes: system.Int64("TotalPhysicalMemory"),
            Os: os is null ? null : Describe(os),
            ConnectionState: "connected",
            InMaintenance: false)
        {
            BootedAt = WholeSecond(WsMan.CimDateTime.Parse(os?.String("LastBootUpTime"))),
        };

        var volumes = disks
            .Where(d => d.String("DeviceID") is not null)
            .Select(d => Volume(session.Target, name, d))
            .ToList();
        return new HostFacts(host, volumes);
    }

    /// <summary>A boot time to the second (the microseconds Windows writes dropped): finer tells an operator
    /// nothing, and SQLite's stored form keeps only a tenth of a millisecond, so both databases then hold the
    /// same value the host reported.</summary>
    internal static DateTimeOffset? WholeSecond(DateTimeOffset? at) =>
        at is { } value ? new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;

    /// <summary>"Microsoft Windows Server 2008 R2 Standard 6.1.7601 Service Pack 1".</summary>
    private static string? Describe(WsMan.WmiInstance os)
    {
        var parts = new[] { os.String("Caption")?.Trim(), os.String("Version"), os.String("CSDVersion") }
            .Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(' ', parts);
        return text.Length == 0 ? null : text;
    }

    /// <summary><c>Win32_ComputerSystem.Status</c>: "OK", "Degraded", "Pred Fail", "Error", ...</summary>
    internal static Health HealthOf(string? status) => status switch
    {
        null => Health.Unknown("Win32_ComputerSystem.Status not reported"),
        "OK" => new Health(HealthState.Healthy, null),
        "Degraded" or "Pred Fail" or "Stressed" or "Service" => new Health(HealthState.Warning, $"Status {status}"),
        "Error" or "NonRecover" or "Lost Comm" or "No Contact" => new Health(HealthState.Critical, $"Status {status}"),
        _ => Health.Unknown($"Status {status}"),
    };

    private static InventoryDatastore Volume(string target, string hostName, WsMan.WmiInstance disk)
    {
        var device = disk.String("DeviceID")!;
        var size = disk.Int64("Size");
        var free = disk.Int64("FreeSpace");
        var health = size is > 0 && free is { } f && (double)f / size.Value < 0.05
            ? new Health(HealthState.Warning, string.Create(CultureInfo.InvariantCulture, $"{(double)f / size.Value:P0} free"))
            : new Health(HealthState.Healthy, null);
        return new InventoryDatastore(
            ObjectId.Create(target, $"{hostName}/{device}"),
            target,
            $"{hostName} {device}",
            DatacenterId: null,
            health,
            size,
            free,
            disk.String("FileSystem"),
            Accessible: size is not null);
    }
}
