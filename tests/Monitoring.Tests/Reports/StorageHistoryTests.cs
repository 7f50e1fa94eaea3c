using Monitoring.Core.Model;
using Monitoring.Reports.Capacity;
using Xunit;

namespace Monitoring.Tests.Reports;

/// <summary>Storage use over the window, from stored <see cref="StorageMetric"/> series built with known answers:
/// average, p95 and peak weighted by datastore size, the trend and days until the target ratio, per scope and per
/// host (a Windows server's own volumes).</summary>
public sealed class StorageHistoryTests
{
    private const long GiB = CapacityEstate.GiB;

    /// <summary>One standalone host in dc1 with two 1000-byte datastores: ds1 grows from 200 bytes by 10 a day, ds2
    /// stays at 400, so the scope is (600 + 10 d) / 2000 full: 30 % at the window's start, 45 % now, +0.5 point a day.</summary>
    private static CapacityEstate GrowingDatastores() => new CapacityEstate()
        .Host("vc1/h1", null, 8, 32 * GiB)
        .Datastore("vc1/ds1", 1000, 300).Datastore("vc1/ds2", 1000, 600)
        .Series("vc1/ds1", StorageMetric.Capacity, _ => 1000).Series("vc1/ds1", StorageMetric.Used, h => 200 + (10.0 * h / 24))
        .Series("vc1/ds2", StorageMetric.Capacity, _ => 1000).Series("vc1/ds2", StorageMetric.Used, _ => 400);

    [Fact]
    public void Calculate_GrowingDatastores_GivesTheStorageTrendAndDaysToExhaustion()
    {
        var history = Assert.Single(GrowingDatastores().Report().Scopes).Storage!.History;

        // Full (ratio 1) when 0.45 + 0.005 d = 1: in 110 days.
        Assert.Equal(720, history.Buckets);
        Assert.Equal(0.005, history.Trend!.SlopePerDay, 10);
        Assert.Equal(0.45, history.Trend.Current, 8);
        Assert.Equal(110, history.Trend.DaysToExhaustion!.Value, 4);
        Assert.Equal(0.3 + (0.005 * 719 / 24 / 2), history.Average!.Value, 10);
    }

    [Fact]
    public void Calculate_TargetRatio_BringsStorageExhaustionForward()
    {
        var options = new CapacityOptions { Days = 30, TargetRatio = 0.8 };

        var history = Assert.Single(GrowingDatastores().Report(options).Scopes).Storage!.History;

        // (0.8 - 0.45) / 0.005 = 70 days.
        Assert.Equal(70, history.Trend!.DaysToExhaustion!.Value, 4);
    }

    [Fact]
    public void Calculate_StorageP95_WeighsEachDatastoreBySize()
    {
        // ds1: 1000 bytes, 500 used. ds2: 3000 bytes, 600 used, 2400 in every tenth hour. The scope is
        // (500 + 600) / 4000 = 27.5 % full most hours and (500 + 2400) / 4000 = 72.5 % in the busy ones; 72 of the
        // 720 hours are busy, so the 95th percentile (rank 683.05 of 0..719) is among them.
        var estate = new CapacityEstate()
            .Host("vc1/h1", null, 8, 32 * GiB)
            .Datastore("vc1/ds1", 1000, 500).Datastore("vc1/ds2", 3000, 2400)
            .Series("vc1/ds1", StorageMetric.Capacity, _ => 1000).Series("vc1/ds1", StorageMetric.Used, _ => 500)
            .Series("vc1/ds2", StorageMetric.Capacity, _ => 3000).Series("vc1/ds2", StorageMetric.Used, h => h % 10 == 0 ? 2400 : 600);

        var history = Assert.Single(estate.Report().Scopes).Storage!.History;

        Assert.Equal(0.725, history.P95!.Value, 10);
        Assert.Equal((0.9 * 0.275) + (0.1 * 0.725), history.Average!.Value, 10);
        Assert.Equal(0.725, history.Peak!.Value, 10);
        Assert.Null(history.Trend!.DaysToExhaustion);
    }

    [Fact]
    public void Calculate_WindowsServerVolumes_GiveTheHostsStorageHistory()
    {
        // A physical Windows server's C: (100 GiB) fills from 40 % by 1 point a day; its D: has no samples stored.
        var estate = new CapacityEstate()
            .Host("win/SRV1", null, 4, 16 * GiB, HypervisorKind.Windows, "win", datacenter: null)
            .Datastore("win/SRV1/C:", 100 * GiB, 30 * GiB, datacenter: null).Datastore("win/SRV1/D:", 100 * GiB, 100 * GiB, datacenter: null)
            .Series("win/SRV1/C:", StorageMetric.Capacity, _ => 100 * GiB).Series("win/SRV1/C:", StorageMetric.Used, h => GiB * (40 + (h / 24.0)));

        var host = Assert.Single(estate.Report().Hosts);

        // Last seen: 70 GiB of C: used, D: empty. History: C: alone, 70 % now, full in 30 days.
        Assert.Equal(70 * GiB, host.Storage!.UsedBytes);
        Assert.Equal(0.01, host.Storage.History.Trend!.SlopePerDay, 8);
        Assert.Equal(30, host.Storage.History.Trend.DaysToExhaustion!.Value, 4);
    }

    [Fact]
    public void Calculate_BucketWithoutCapacity_LeavesThatDatastoreOutOfTheBucket()
    {
        // ds2 (1000 bytes, empty) has used samples but no capacity sample in any bucket: its used samples alone must
        // not count as a 0-byte datastore nor dilute ds1's 90 %.
        var estate = new CapacityEstate()
            .Host("vc1/h1", null, 8, 32 * GiB)
            .Datastore("vc1/ds1", 1000, 100).Datastore("vc1/ds2", 1000, 1000)
            .Series("vc1/ds1", StorageMetric.Capacity, _ => 1000).Series("vc1/ds1", StorageMetric.Used, _ => 900)
            .Series("vc1/ds2", StorageMetric.Used, _ => 0);

        var history = Assert.Single(estate.Report().Scopes).Storage!.History;

        Assert.Equal(0.9, history.Average!.Value, 10);
        Assert.Equal(0.9, history.P95!.Value, 10);
    }

    [Fact]
    public void Calculate_NoStorageSamples_KeepsTheLastSeenFiguresWithoutHistory()
    {
        var storage = Assert.Single(new CapacityEstate().Host("vc1/h1", null, 8, 32 * GiB).Datastore("vc1/ds1", 1000, 250).Report().Scopes).Storage!;

        Assert.Equal(750, storage.UsedBytes);
        Assert.Equal(0, storage.History.Buckets);
        Assert.Null(storage.History.Average);
        Assert.Null(storage.History.Trend);
    }
}
