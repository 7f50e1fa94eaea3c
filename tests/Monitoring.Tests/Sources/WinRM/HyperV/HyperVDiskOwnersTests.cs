using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Sources.WinRM;
using Monitoring.Sources.WinRM.HyperV;
using Monitoring.Sources.WinRM.WsMan;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.HyperV;

/// <summary>The realtime pass keeps which VM owns which virtual disk between passes and reads the disk settings
/// again only when a disk it does not know shows up or the last read is <see cref="HyperVDiskOwners.MaxAge"/> old.
/// The replies are the generated Server 2016 profile's; the transport fails any request beyond the replies given.</summary>
public sealed class HyperVDiskOwnersTests
{
    private const string App01 = "5E6F7A8B-9C0D-4E1F-A2B3-C4D5E6F7A801";
    private const string App01Disk = @"V:-ClusterStorage-Volume1-app-01-app-01.vhdx";
    private const string App01DataDisk = @"V:-ClusterStorage-Volume1-app-01-app-01-data.vhdx";

    private static readonly HyperVHost s_host = new(HyperVNamespace.V2, []);
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> s_running = new(StringComparer.OrdinalIgnoreCase) { [App01] = "app-01" };

    [Fact]
    public async Task SecondPass_SameDisks_ReadsNoSettings()
    {
        var transport = new ReplayTransport(Settings());
        var session = Session(transport);

        var first = await HyperVDiskOwners.CurrentAsync(session, s_host, null, Devices(App01Disk), s_start, CancellationToken.None);
        var second = await HyperVDiskOwners.CurrentAsync(session, s_host, first, Devices(App01Disk), s_start.AddMinutes(9), CancellationToken.None);

        Assert.Single(transport.Sent);
        Assert.Same(first, second);
        Assert.Equal(App01, second.OwnerOf(App01Disk, s_running));
    }

    [Fact]
    public async Task NewDiskAttached_ReadsTheSettingsAgainAndFindsItsVm()
    {
        // The second read: app-01 has a second disk, a copy of its first disk's setting with another file.
        var settings = Settings();
        var first = Regex.Match(settings, "<p:Msvm_StorageAllocationSettingData .*?</p:Msvm_StorageAllocationSettingData>", RegexOptions.Singleline);
        Assert.Contains(App01, first.Value, StringComparison.Ordinal);
        var attached = settings.Insert(first.Index + first.Length, first.Value.Replace("app-01.vhdx", "app-01-data.vhdx", StringComparison.Ordinal));
        var transport = new ReplayTransport(Settings(), attached);
        var session = Session(transport);

        var before = await HyperVDiskOwners.CurrentAsync(session, s_host, null, Devices(App01Disk), s_start, CancellationToken.None);
        Assert.Null(before.OwnerOf(App01DataDisk, s_running));
        var second = await HyperVDiskOwners.CurrentAsync(session, s_host, before, Devices(App01Disk, App01DataDisk), s_start.AddMinutes(1), CancellationToken.None);

        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(App01, second.OwnerOf(App01DataDisk, s_running));
        Assert.Equal(App01, second.OwnerOf(App01Disk, s_running));
    }

    [Fact]
    public async Task LastReadTooOld_ReadsTheSettingsAgain()
    {
        var transport = new ReplayTransport(Settings(), Settings());
        var session = Session(transport);

        var first = await HyperVDiskOwners.CurrentAsync(session, s_host, null, Devices(App01Disk), s_start, CancellationToken.None);
        var second = await HyperVDiskOwners.CurrentAsync(session, s_host, first, Devices(App01Disk), s_start + HyperVDiskOwners.MaxAge, CancellationToken.None);

        Assert.Equal(2, transport.Sent.Count);
        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task DiskNoSettingNames_HasNoOwnerAndCausesNoReadOnTheNextPass()
    {
        const string PassThrough = "Disk 3 (pass-through)";
        var transport = new ReplayTransport(Settings());
        var session = Session(transport);

        var first = await HyperVDiskOwners.CurrentAsync(session, s_host, null, Devices(App01Disk, PassThrough), s_start, CancellationToken.None);
        var second = await HyperVDiskOwners.CurrentAsync(session, s_host, first, Devices(App01Disk, PassThrough), s_start.AddMinutes(1), CancellationToken.None);

        Assert.Single(transport.Sent);
        Assert.Null(second.OwnerOf(PassThrough, s_running));
    }

    [Fact]
    public async Task InventoryReading_LeftOnTheSession_IsUsedWithoutARead()
    {
        var transport = new ReplayTransport(Settings());
        var session = Session(transport);
        var settings = await session.QueryAsync("root/virtualization/v2", HyperVVirtualDisks.QueryV2, CancellationToken.None);

        var fromInventory = HyperVDiskOwners.From(settings, isV2: true, [], s_start);
        var realtime = await HyperVDiskOwners.CurrentAsync(session, s_host, fromInventory, Devices(App01Disk), s_start.AddMinutes(2), CancellationToken.None);

        Assert.Single(transport.Sent);
        Assert.Same(fromInventory, realtime);
        Assert.Equal(App01, realtime.OwnerOf(App01Disk, s_running));
    }

    [Fact]
    public async Task DiskOfAVmThatIsNotRunning_HasNoOwner()
    {
        var session = Session(new ReplayTransport(Settings()));

        var owners = await HyperVDiskOwners.CurrentAsync(session, s_host, null, Devices(App01Disk), s_start, CancellationToken.None);

        Assert.Null(owners.OwnerOf(@"V:-ClusterStorage-Volume1-saved-01-saved-01.vhdx", s_running));
    }

    private static string Settings() => CapturedReplies.File("generated/hyperv-2016/Msvm_StorageAllocationSettingData.xml");

    private static WmiSession Session(ReplayTransport transport) =>
        new(new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null), "hv01", NullLogger.Instance, new ConcurrentDictionary<string, bool>());

    private static List<WmiInstance> Devices(params string[] names) =>
        [.. names.Select(n => new WmiInstance(HyperVDeviceThroughput.StorageClassV2, new Dictionary<string, List<object?>>(StringComparer.Ordinal) { ["Name"] = [n] }))];
}
