using Monitoring.Core.Model;
using Monitoring.Service.Collection;
using Monitoring.Service.Metrics;
using Xunit;

namespace Monitoring.Tests.Service.Metrics;

/// <summary>A later publish sets the series the exporter kept from the previous one instead of looking each
/// up again: what that cache could get wrong (labels that changed, values that went away, objects gone,
/// another target's series), judged by the exposition and by <see cref="PrometheusExporter.Read"/>.</summary>
public sealed class PrometheusExporterLaterPassTests
{
    private const string OtherTarget = "vc2";

    [Fact]
    public async Task Publish_LaterPassWithChanges_SameExpositionAsAFreshExporterGivenOnlyThatPass()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());

        // Renamed, moved within the cluster, moved to a standalone host, a boot time gone and one now known,
        // an object gone, a new one, a value changed: everything a next pass can bring at once.
        var next = Changed(SampleEstate.Inventory(SampleEstate.Id("datastore-21")));
        Publish(exporter, catalog, next, Scaled(SampleEstate.Realtime(SampleEstate.Id("host-2")), 3));
        var (fresh, freshCatalog) = Publisher();
        Publish(fresh, freshCatalog, next, Scaled(SampleEstate.Realtime(SampleEstate.Id("host-2")), 3));

        Assert.Equal(
            ExpositionText.Canonical(await ExpositionText.WriteAsync(fresh)),
            ExpositionText.Canonical(await ExpositionText.WriteAsync(exporter)));
    }

    [Fact]
    public async Task PublishInventory_VmRenamed_EverySeriesCarriesOnlyTheNewName()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());

        Publish(exporter, catalog, Changed(SampleEstate.Inventory()), SampleEstate.Realtime());
        var text = await ExpositionText.WriteAsync(exporter);

        Assert.DoesNotContain("vm=\"web-01\"", text, StringComparison.Ordinal);
        foreach (var metric in new[] { "virt_vm_info", "virt_vm_power_state", "virt_vm_cpus", "virt_vm_boot_time_seconds", "virt_vm_cpu_usage_ratio" })
        {
            var vm10 = ExpositionText.Series(text, metric).Where(l => l.Contains("id=\"vc1/vm-10\"", StringComparison.Ordinal)).ToList();
            Assert.Contains("vm=\"web-01-renamed\"", Assert.Single(vm10), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublishInventory_VmMovedToAnotherHostOfItsCluster_InfoNamesOnlyTheNewHost()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());

        Publish(exporter, catalog, Changed(SampleEstate.Inventory()), SampleEstate.Realtime());
        var text = await ExpositionText.WriteAsync(exporter);

        // db-01 moved from esx-02 to esx-01, both in cluster Prod: its other series keep their labels.
        var info = ExpositionText.Series(text, "virt_vm_info").Where(l => l.Contains("id=\"vc1/vm-11\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            "virt_vm_info{target=\"vc1\",id=\"vc1/vm-11\",vm=\"db-01\",cluster=\"Prod\",hypervisor=\"esx\",host=\"esx-01.example.net\",guest_os=\"Microsoft Windows Server 2016 (64-bit)\"} 1",
            Assert.Single(info));
        var power = ExpositionText.Series(text, "virt_vm_power_state").Where(l => l.Contains("id=\"vc1/vm-11\"", StringComparison.Ordinal)).ToList();
        Assert.Equal("virt_vm_power_state{target=\"vc1\",id=\"vc1/vm-11\",vm=\"db-01\",cluster=\"Prod\",hypervisor=\"esx\"} 2", Assert.Single(power));
    }

    [Fact]
    public async Task PublishInventory_BootTimeNoLongerKnown_ThatSeriesIsRemovedAndComesBackWhenKnown()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());
        var withoutBootTimes = SampleEstate.Inventory() is var inventory
            ? inventory with
            {
                Hosts = [.. inventory.Hosts.Select(h => h with { BootedAt = null })],
                Vms = [.. inventory.Vms.Select(v => v with { BootedAt = null })],
            }
            : null!;

        Publish(exporter, catalog, withoutBootTimes, SampleEstate.Realtime());
        var gone = await ExpositionText.WriteAsync(exporter);
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());
        var back = await ExpositionText.WriteAsync(exporter);

        Assert.Empty(ExpositionText.Series(gone, "virt_vm_boot_time_seconds"));
        Assert.Empty(ExpositionText.Series(gone, "virt_host_boot_time_seconds"));
        Assert.Single(ExpositionText.Series(gone, "virt_vm_cpus"), l => l.Contains("id=\"vc1/vm-10\"", StringComparison.Ordinal));
        var bootTime = Assert.Single(ExpositionText.Series(back, "virt_vm_boot_time_seconds"));
        Assert.EndsWith(" " + (SampleEstate.At.AddHours(-6).ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture), bootTime, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_ObjectGone_ReadFindsNoSeriesOfItInAnyMetric()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());

        Publish(exporter, catalog, SampleEstate.Inventory(SampleEstate.Id("vm-10"), SampleEstate.Id("host-1")), SampleEstate.Realtime(SampleEstate.Id("vm-10"), SampleEstate.Id("host-1")));
        var left = exporter.Families.SelectMany(f => exporter.Read(f).Select(s => (f.Name, s.Labels))).ToList();

        Assert.DoesNotContain(left, s => s.Labels.Contains(SampleEstate.Id("vm-10")) || s.Labels.Contains(SampleEstate.Id("host-1")));
        Assert.Contains(left, s => s.Name == "virt_vm_power_state" && s.Labels.Contains(SampleEstate.Id("vm-11")));
        Assert.Contains(left, s => s.Name == "virt_host_cpu_usage_ratio" && s.Labels.Contains(SampleEstate.Id("host-2")));
    }

    [Fact]
    public async Task PublishRealtime_MetricNoLongerSampled_OnlyThatSeriesIsRemoved()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());
        var withoutNetwork = SampleEstate.Realtime() is var batch
            ? batch with { Samples = [.. batch.Samples.Where(s => s.ObjectId != SampleEstate.Id("host-1") || s.Metric != PerformanceMetric.NetworkThroughput)] }
            : null!;

        exporter.PublishRealtime(SampleEstate.Target, catalog.For(SampleEstate.Target), withoutNetwork.Samples);
        var text = await ExpositionText.WriteAsync(exporter);

        Assert.DoesNotContain(ExpositionText.Series(text, "virt_host_network_throughput_bytes_per_second"), l => l.Contains("id=\"vc1/host-1\"", StringComparison.Ordinal));
        Assert.Single(ExpositionText.Series(text, "virt_host_network_throughput_bytes_per_second"), l => l.Contains("id=\"vc1/host-2\"", StringComparison.Ordinal));
        Assert.Single(ExpositionText.Series(text, "virt_host_disk_throughput_bytes_per_second"), l => l.Contains("id=\"vc1/host-1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_UnchangedObjects_TheirValuesFollowEachPass()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());
        var resized = SampleEstate.Inventory() is var inventory
            ? inventory with { Vms = [.. inventory.Vms.Select(v => v.Id == SampleEstate.Id("vm-10") ? v with { CpuCount = 6, PowerState = PowerState.PoweredOff } : v)] }
            : null!;

        Publish(exporter, catalog, resized, Scaled(SampleEstate.Realtime(), 2));
        var text = await ExpositionText.WriteAsync(exporter);

        const string Vm10 = "{target=\"vc1\",id=\"vc1/vm-10\",vm=\"web-01\",cluster=\"Prod\",hypervisor=\"esx\"}";
        Assert.Contains("virt_vm_cpus" + Vm10 + " 6\n", text, StringComparison.Ordinal);
        Assert.Contains("virt_vm_power_state" + Vm10 + " 2\n", text, StringComparison.Ordinal);
        Assert.Contains("virt_vm_cpu_usage_ratio" + Vm10 + " 0.25\n", text, StringComparison.Ordinal); // 0.125 x 2
        Assert.Contains("virt_host_memory_consumed_bytes{target=\"vc1\",id=\"vc1/host-2\",host=\"esx-02.example.net\",cluster=\"Prod\",hypervisor=\"esx\"} 4294967296\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FirstTargetsLaterPass_SecondTargetsSeriesUntouched()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());
        Publish(exporter, catalog, OfOtherTarget(SampleEstate.Inventory()), OfOtherTarget(SampleEstate.Realtime()));
        var before = OtherTargetsLines(await ExpositionText.WriteAsync(exporter));

        Publish(exporter, catalog, Changed(SampleEstate.Inventory(SampleEstate.Id("vm-12"))), Scaled(SampleEstate.Realtime(SampleEstate.Id("host-2")), 3));
        Publish(exporter, catalog, SampleEstate.Inventory(SampleEstate.Id("vm-10"), SampleEstate.Id("vm-11"), SampleEstate.Id("host-1")), SampleEstate.Realtime(SampleEstate.Id("vm-10"), SampleEstate.Id("host-1")));
        var after = OtherTargetsLines(await ExpositionText.WriteAsync(exporter));

        Assert.Equal(before, after);
        Assert.Contains(after, l => l.StartsWith("virt_vm_info{target=\"vc2\",id=\"vc2/vm-10\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forget_ThenPublishAgain_EverySeriesIsBack()
    {
        var (exporter, catalog) = Publisher();
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());
        var first = ExpositionText.Canonical(await ExpositionText.WriteAsync(exporter));

        exporter.Forget(SampleEstate.Target);
        Publish(exporter, catalog, SampleEstate.Inventory(), SampleEstate.Realtime());

        Assert.Equal(first, ExpositionText.Canonical(await ExpositionText.WriteAsync(exporter)));
    }

    private static (PrometheusExporter Exporter, InventoryCatalog Catalog) Publisher() => (SampleEstate.NewExporter(), new InventoryCatalog());

    /// <summary>An inventory pass then a realtime pass, as the observer publishes them.</summary>
    private static void Publish(PrometheusExporter exporter, InventoryCatalog catalog, InventorySnapshot inventory, PerformanceBatch realtime)
    {
        var observer = new MetricsObserver(exporter, catalog, new CollectorStatus());
        observer.OnInventory(inventory);
        observer.OnRealtime(realtime);
    }

    /// <summary>web-01 renamed; db-01 moved to esx-01 (same cluster); batch-01 moved to esx-02 (from the
    /// standalone host into the cluster); host-1's boot time gone; db-01 (off) given none, host-2 given one.</summary>
    private static InventorySnapshot Changed(InventorySnapshot inventory) => inventory with
    {
        Hosts = [.. inventory.Hosts.Select(h => h.Id == SampleEstate.Id("host-1") ? h with { BootedAt = null }
            : h.Id == SampleEstate.Id("host-2") ? h with { BootedAt = SampleEstate.At.AddDays(-2) } : h)],
        Vms =
        [
            .. inventory.Vms.Select(v => v.Id == SampleEstate.Id("vm-10") ? v with { Name = "web-01-renamed" }
                : v.Id == SampleEstate.Id("vm-11") ? v with { HostId = SampleEstate.Id("host-1") }
                : v.Id == SampleEstate.Id("vm-12") ? v with { HostId = SampleEstate.Id("host-2") } : v),
            new(SampleEstate.Id("vm-14"), SampleEstate.Target, "web-02", SampleEstate.Id("host-3"), PowerState.PoweredOn, new Health(HealthState.Healthy, null), 2, 4L << 30, "Ubuntu Linux (64-bit)", false, HealthState.Healthy),
        ],
    };

    private static PerformanceBatch Scaled(PerformanceBatch batch, double factor) =>
        batch with { Samples = [.. batch.Samples.Select(s => s with { Value = s.Value * factor })] };

    private static InventorySnapshot OfOtherTarget(InventorySnapshot inventory) => inventory with
    {
        Target = OtherTarget,
        Datacenters = [.. inventory.Datacenters.Select(d => d with { Id = Other(d.Id), Target = OtherTarget })],
        Clusters = [.. inventory.Clusters.Select(c => c with { Id = Other(c.Id), Target = OtherTarget, DatacenterId = Other(c.DatacenterId) })],
        Hosts = [.. inventory.Hosts.Select(h => h with { Id = Other(h.Id), Target = OtherTarget, ClusterId = Other(h.ClusterId), DatacenterId = Other(h.DatacenterId) })],
        Vms = [.. inventory.Vms.Select(v => v with { Id = Other(v.Id), Target = OtherTarget, HostId = Other(v.HostId) })],
        Datastores = [.. inventory.Datastores.Select(d => d with { Id = Other(d.Id), Target = OtherTarget, DatacenterId = Other(d.DatacenterId) })],
    };

    private static PerformanceBatch OfOtherTarget(PerformanceBatch batch) =>
        batch with { Target = OtherTarget, Samples = [.. batch.Samples.Select(s => s with { ObjectId = Other(s.ObjectId) })] };

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(id))]
    private static string? Other(string? id) => id is null ? null : OtherTarget + id[SampleEstate.Target.Length..];

    private static List<string> OtherTargetsLines(string exposition) =>
        [.. exposition.Split('\n').Where(l => l.Contains("target=\"vc2\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
