using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Storage;

/// <summary>Hosts' and VMs' boot times through inventory passes on SQLite: stored, read back, replaced after a
/// restart, cleared when the source no longer reports one.</summary>
public sealed class BootTimeStoreTests : IDisposable
{
    private const string Target = "hv01";
    private static readonly DateTimeOffset s_first = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_hostBoot = new(2013, 4, 29, 18, 43, 11, TimeSpan.Zero);
    private static readonly DateTimeOffset s_vmBoot = new(2026, 11, 24, 22, 17, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(s_first);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ApplyAsync_BootTimes_ReadBackAsStoredAndNullWhereUnknown()
    {
        var (store, reader) = await OpenAsync();

        await store.ApplyAsync(Pass(s_hostBoot, s_vmBoot), s_first, CancellationToken.None);

        var stored = await reader.ReadAsync(includeGone: false, CancellationToken.None);
        Assert.Equal(s_hostBoot, Assert.Single(stored.Hosts).BootedAt);
        Assert.Equal(s_vmBoot, stored.Vms.Single(v => v.Name == "web-01").BootedAt);
        Assert.Null(stored.Vms.Single(v => v.Name == "test-01").BootedAt);
    }

    [Fact]
    public async Task ApplyAsync_VmRestartedThenStopped_BootTimeReplacedThenCleared()
    {
        var (store, reader) = await OpenAsync();
        await store.ApplyAsync(Pass(s_hostBoot, s_vmBoot), s_first, CancellationToken.None);
        var restarted = s_vmBoot.AddHours(9);

        await store.ApplyAsync(Pass(s_hostBoot, restarted), s_first.AddMinutes(5), CancellationToken.None);
        var afterRestart = (await reader.ReadAsync(includeGone: false, CancellationToken.None)).Vms.Single(v => v.Name == "web-01").BootedAt;
        await store.ApplyAsync(Pass(null, null), s_first.AddMinutes(10), CancellationToken.None);
        var afterStop = await reader.ReadAsync(includeGone: false, CancellationToken.None);

        Assert.Equal(restarted, afterRestart);
        Assert.Null(afterStop.Vms.Single(v => v.Name == "web-01").BootedAt);
        Assert.Null(Assert.Single(afterStop.Hosts).BootedAt);
    }

    private static InventorySnapshot Pass(DateTimeOffset? hostBoot, DateTimeOffset? vmBoot) =>
        Snapshot(
            Target,
            s_first,
            [Host(Target, "HV01", "HV01") with { BootedAt = hostBoot }],
            [Vm(Target, "GUID-WEB", "web-01", "HV01") with { BootedAt = vmBoot }, Vm(Target, "GUID-TEST", "test-01", "HV01", PowerState.PoweredOff)]);

    private async Task<(InventoryStore Store, InventoryReader Reader)> OpenAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        return (new InventoryStore(database, _time), new InventoryReader(database));
    }
}
