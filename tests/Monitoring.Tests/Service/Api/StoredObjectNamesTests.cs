using Microsoft.Extensions.Time.Testing;
using Monitoring.Service.Api.Tips;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Service.Api;

/// <summary>The command line's names for <c>tips --json</c> and the hooks it runs: read from the stored inventory.</summary>
public sealed class StoredObjectNamesTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task LookupAsync_StoredHostsAndVms_NamesThemEvenGoneAndNothingElse()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var store = new InventoryStore(database, new FakeTimeProvider(s_now));
        await store.ApplyAsync(Snapshot("vc01", s_now, [Host("vc01", "host-9", "esx-09.corp.example")], [Vm("vc01", "vm-22", "web-01", "host-9"), Vm("vc01", "vm-23", "web-02", "host-9")]), s_now, CancellationToken.None);
        var later = s_now.AddMinutes(10);
        await store.ApplyAsync(Snapshot("vc01", later, [Host("vc01", "host-9", "esx-09.corp.example")], [Vm("vc01", "vm-22", "web-01", "host-9")]), later, CancellationToken.None);

        var nameOf = await new StoredObjectNames(new InventoryReader(database)).LookupAsync(CancellationToken.None);

        Assert.Equal(("esx-09.corp.example", "web-01", "web-02"), (nameOf("vc01/host-9"), nameOf("vc01/vm-22"), nameOf("vc01/vm-23")));
        Assert.Null(nameOf("vc01/vm-99"));
        Assert.Null(nameOf("vc01"));
    }
}
