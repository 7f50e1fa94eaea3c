using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Performance;

public sealed class VSpherePerformanceCollectorTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 1, 0, TimeSpan.Zero);

    [Fact]
    public async Task CollectRealtimeAsync_600EntitiesAtMaxQueryObjects256_AsksInThreeQueryPerfCallsCountedByTheRecorder()
    {
        var vcenter = new FakePerformanceVCenter();
        for (var i = 0; i < 100; i++)
        {
            vcenter.AddHost($"host-{i}");
        }

        for (var i = 0; i < 500; i++)
        {
            vcenter.AddVm($"vm-{i}");
        }

        var recorder = new CountingRecorder();
        await using var pool = Pool(vcenter, recorder);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere() with { MaxQueryObjects = 256 }, CancellationToken.None);

        Assert.Equal(3, recorder.Count("vc01", "QueryPerf"));
        Assert.Equal([256, 256, 88], vcenter.QueryPerfRequests.Select(r => r.Values("entity").Count));
        Assert.Equal(600, vcenter.QueryPerfRequests.SelectMany(r => r.Values("entity")).Distinct().Count());
        Assert.Equal(600, batch.Objects);
        Assert.Equal(600 * PerformanceMetric.All.Count * 3, batch.Samples.Count);
    }

    [Fact]
    public async Task CollectRealtimeAsync_AnyPass_AsksForTheCatalogsIdsOfTheAggregateAtTheRealtimeIntervalInSchemaOrder()
    {
        var vcenter = new FakePerformanceVCenter();
        vcenter.AddHost("host-21");
        await using var pool = Pool(vcenter);

        await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        var query = Assert.Single(vcenter.QueryPerfRequests);
        var spec = query.Single("querySpec");
        string[] order = ["entity", "maxSample", .. Enumerable.Repeat("metricId", 6), "intervalId"];
        Assert.Equal(order, spec.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("HostSystem", (string?)query.Single("entity").Attribute("type"));
        Assert.Equal("3", query.Single("maxSample").Value);
        Assert.Equal("20", query.Single("intervalId").Value);
        Assert.Equal(FakePerformanceVCenter.CounterIds.Values.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)), query.Values("counterId"));
        Assert.All(query.Values("instance"), instance => Assert.Equal(string.Empty, instance));
        Assert.Equal("PerfMgr", query.Single("_this").Value);
        Assert.DoesNotContain("QueryPerfCounter", vcenter.Handler.Methods);
    }

    [Fact]
    public async Task CollectRealtimeAsync_RawValues_BecomeBaseUnits()
    {
        var vcenter = new FakePerformanceVCenter
        {
            Value = (_, counter, _) => counter switch
            {
                "cpu.usage.average" => 2067, // hundredths of a percent: 20.67 %
                "cpu.ready.summation" => 400, // ms of a 20 s interval: 2 %
                "mem.usage.average" => 8123,
                "mem.consumed.average" => 1_048_576, // KB: 1 GiB
                "disk.usage.average" => 100, // KBps
                "net.usage.average" => 3,
                _ => throw new InvalidOperationException(counter),
            },
        };
        vcenter.AddVm("vm-42");
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        var latest = batch.Samples.Where(s => s.Timestamp == vcenter.Timestamps[0]).ToDictionary(s => s.Metric, s => s.Value);
        Assert.Equal(0.2067, latest[PerformanceMetric.CpuUsage], 10);
        Assert.Equal(0.02, latest[PerformanceMetric.CpuReady], 10);
        Assert.Equal(0.8123, latest[PerformanceMetric.MemoryUsage], 10);
        Assert.Equal(1024d * 1024 * 1024, latest[PerformanceMetric.MemoryConsumed]);
        Assert.Equal(102_400d, latest[PerformanceMetric.DiskThroughput]);
        Assert.Equal(3_072d, latest[PerformanceMetric.NetworkThroughput]);
        Assert.All(batch.Samples, s => Assert.Equal("vc01/vm-42", s.ObjectId));
    }

    [Fact]
    public async Task CollectRealtimeAsync_MinusOneValues_AreLeftOut()
    {
        var vcenter = new FakePerformanceVCenter { Value = (_, counter, i) => i == 1 || counter == "net.usage.average" ? -1 : 500 };
        vcenter.AddHost("host-21");
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(5 * 2, batch.Samples.Count);
        Assert.DoesNotContain(batch.Samples, s => s.Metric == PerformanceMetric.NetworkThroughput);
        Assert.DoesNotContain(batch.Samples, s => s.Timestamp == vcenter.Timestamps[1]);
        Assert.All(batch.Samples, s => Assert.True(s.Value >= 0));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CollectRealtimeAsync_NewestOrOldestFirst_PairsEachValueWithItsOwnTimestamp(bool newestFirst)
    {
        DateTimeOffset[] times = [s_now.AddSeconds(-60), s_now.AddSeconds(-40), s_now.AddSeconds(-20)];
        var vcenter = new FakePerformanceVCenter
        {
            Timestamps = newestFirst ? [.. times.Reverse()] : times,
            Value = (_, _, i) => 1000 * (i + 1),
        };
        vcenter.AddVm("vm-42");
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        var cpu = batch.Samples.Where(s => s.Metric == PerformanceMetric.CpuUsage).ToDictionary(s => s.Timestamp, s => s.Value);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0.1 * (i + 1), cpu[vcenter.Timestamps[i]], 10);
        }
    }

    [Fact]
    public async Task CollectRealtimeAsync_PoweredOffVmsAndDisconnectedHosts_AreNotAskedAbout()
    {
        var vcenter = new FakePerformanceVCenter();
        vcenter.AddHost("host-1");
        vcenter.AddHost("host-2", "disconnected");
        vcenter.AddHost("host-3", "notResponding");
        vcenter.AddVm("vm-1");
        vcenter.AddVm("vm-2", "poweredOff");
        vcenter.AddVm("vm-3", "suspended");
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(["host-1", "vm-1"], vcenter.QueryPerfRequests.SelectMany(r => r.Values("entity")));
        Assert.Equal(2, batch.Objects);
        Assert.Equal(["vc01/host-1", "vc01/vm-1"], batch.Samples.Select(s => s.ObjectId).Distinct().Order());
    }

    [Fact]
    public async Task CollectRealtimeAsync_TwoPassesOnOneSession_ReadTheCatalogOnceAndDestroyTheirViews()
    {
        var vcenter = new FakePerformanceVCenter();
        vcenter.AddHost("host-21");
        await using var pool = Pool(vcenter);
        var collector = Collector(pool);

        await collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);
        await collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Single(vcenter.Handler.Requests, r => r.SoapMethod == "RetrievePropertiesEx" && r.Body.Contains("PerformanceManager", StringComparison.Ordinal));
        Assert.Equal(1, vcenter.Logins);
        Assert.Equal(2, vcenter.Handler.Methods.Count(m => m == "CreateContainerView"));
        Assert.Equal(2, vcenter.Handler.Methods.Count(m => m == "DestroyView"));
        Assert.DoesNotContain("Logout", vcenter.Handler.Methods);
    }

    [Fact]
    public async Task CollectRealtimeAsync_NoRunningEntities_ReturnsAnEmptyBatchWithoutQueryPerf()
    {
        var vcenter = new FakePerformanceVCenter();
        vcenter.AddVm("vm-1", "poweredOff");
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Empty(batch.Samples);
        Assert.Equal(0, batch.Objects);
        Assert.Equal(s_now, batch.CollectedAt);
        Assert.DoesNotContain("QueryPerf", vcenter.Handler.Methods);
    }

    [Fact]
    public async Task CollectRealtimeAsync_CounterMissingFromTheCatalog_CollectsTheOthers()
    {
        var vcenter = new FakePerformanceVCenter();
        vcenter.MissingCounters.Add("disk.usage.average");
        vcenter.AddHost("host-21");
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(5, Assert.Single(vcenter.QueryPerfRequests).Values("metricId").Count);
        Assert.Equal(PerformanceMetric.All.Where(m => m != PerformanceMetric.DiskThroughput).Order(), batch.Samples.Select(s => s.Metric).Distinct().Order());
    }

    [Fact]
    public async Task CollectRealtimeAsync_CatalogWithNoneOfTheCounters_FailsAsProtocolNamingThem()
    {
        var vcenter = new FakePerformanceVCenter();
        foreach (var name in FakePerformanceVCenter.CounterIds.Keys)
        {
            vcenter.MissingCounters.Add(name);
        }

        vcenter.AddHost("host-21");
        await using var pool = Pool(vcenter);

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains("cpu.usage.average", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("QueryPerf", vcenter.Handler.Methods);
    }

    internal static VSphereSessionPool Pool(FakePerformanceVCenter vcenter, IRequestRecorder? recorder = null) =>
        new(NullLogger.Instance, recorder, (_, _) => vcenter.Handler);

    internal static VSpherePerformanceCollector Collector(VSphereSessionPool pool) =>
        new(pool, NullLogger<VSpherePerformanceCollector>.Instance, new FakeTimeProvider(s_now));
}
