using Monitoring.Service.Collection;
using Monitoring.Service.Metrics;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Metrics;

public sealed class PrometheusExporterTests
{
    private const string GoldenFile = "metrics/golden.prom";

    /// <summary>The whole metric set for a known estate, compared with the checked-in exposition.
    /// To accept a deliberate change: MONITORING_UPDATE_GOLDEN=1 dotnet test --filter Exposition_SampleEstate,
    /// then review the diff of tests/Monitoring.Tests/TestData/metrics/golden.prom (and docs/metrics.md).</summary>
    [Fact]
    public async Task Exposition_SampleEstate_MatchesGoldenFile()
    {
        var (exporter, _) = SampleEstate.Published();
        var actual = ExpositionText.Canonical(await ExpositionText.WriteAsync(exporter));

        if (Environment.GetEnvironmentVariable("MONITORING_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(SourceTree.Root, "tests", "Monitoring.Tests", "TestData", "metrics", "golden.prom");
            await File.WriteAllTextAsync(source, actual);
        }

        var expected = await File.ReadAllTextAsync(TestFiles.PathOf(GoldenFile));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task PublishInventory_ObjectsGone_TheirSeriesAreRemovedNotFrozen()
    {
        var (exporter, catalog) = SampleEstate.Published();
        var observer = new MetricsObserver(exporter, catalog, new CollectorStatus());

        observer.OnInventory(SampleEstate.Inventory(SampleEstate.Id("vm-10"), SampleEstate.Id("host-2"), SampleEstate.Id("datastore-20")));
        observer.OnRealtime(SampleEstate.Realtime(SampleEstate.Id("vm-10"), SampleEstate.Id("host-2")));
        var text = await ExpositionText.WriteAsync(exporter);

        Assert.DoesNotContain("vc1/vm-10\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vc1/host-2\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vc1/datastore-20\"", text, StringComparison.Ordinal);
        Assert.Contains("virt_host_cpu_usage_ratio{target=\"vc1\",id=\"vc1/host-1\"", text, StringComparison.Ordinal);
        Assert.Contains("virt_collector_objects{target=\"vc1\",kind=\"vm\"} 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishRealtime_HostMovedToAnotherCluster_OneSeriesWithTheNewCluster()
    {
        var (exporter, catalog) = SampleEstate.Published();
        var observer = new MetricsObserver(exporter, catalog, new CollectorStatus());
        var moved = SampleEstate.Inventory();
        moved = moved with
        {
            Clusters = [.. moved.Clusters, new Monitoring.Core.Model.InventoryCluster(SampleEstate.Id("domain-c2"), SampleEstate.Target, "Test", null, new(Monitoring.Core.Model.HealthState.Healthy, null))],
            Hosts = [.. moved.Hosts.Select(h => h.Id == SampleEstate.Id("host-1") ? h with { ClusterId = SampleEstate.Id("domain-c2") } : h)],
        };

        observer.OnInventory(moved);
        observer.OnRealtime(SampleEstate.Realtime());
        var text = await ExpositionText.WriteAsync(exporter);

        var host1 = ExpositionText.Series(text, "virt_host_cpu_usage_ratio").Where(l => l.Contains("vc1/host-1\"", StringComparison.Ordinal)).ToList();
        Assert.Equal("virt_host_cpu_usage_ratio{target=\"vc1\",id=\"vc1/host-1\",host=\"esx-01.example.net\",cluster=\"Test\",hypervisor=\"esx\"} 0.25", Assert.Single(host1));
        var vm10 = ExpositionText.Series(text, "virt_vm_power_state").Where(l => l.Contains("vc1/vm-10\"", StringComparison.Ordinal)).ToList();
        Assert.Contains("cluster=\"Test\"", Assert.Single(vm10), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_TargetRemoved_OnlyItsCountersStay()
    {
        var (exporter, _) = SampleEstate.Published();

        exporter.Forget(SampleEstate.Target);
        var text = await ExpositionText.WriteAsync(exporter);

        var left = text.Split('\n').Where(l => l.Contains("target=\"vc1\"", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('{', StringComparison.Ordinal)]).Distinct().Order().ToList();
        Assert.Equal(["virt_collector_errors_total", "virt_collector_requests_total"], left);
    }

    [Fact]
    public async Task Exposition_OpenMetrics_EndsWithEofAndKeepsCounterFamilies()
    {
        var (exporter, _) = SampleEstate.Published();

        var text = await ExpositionText.WriteAsync(exporter, openMetrics: true);

        Assert.EndsWith("# EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE virt_collector_requests counter", text, StringComparison.Ordinal);
        Assert.Contains("virt_collector_requests_total{target=\"vc1\",method=\"QueryPerf\"} 2", text, StringComparison.Ordinal);
    }
}
