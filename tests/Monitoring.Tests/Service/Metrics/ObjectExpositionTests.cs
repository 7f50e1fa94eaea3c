using System.Text;
using System.Text.RegularExpressions;
using Monitoring.Core.Model;
using Monitoring.Service.Metrics;
using Xunit;

namespace Monitoring.Tests.Service.Metrics;

/// <summary>The host and VM gauges of a large estate, which a scrape writes in chunks with the exporter's
/// lock taken and released around each: every series once, whole lines, and a publish between two chunks
/// honoured from that chunk on.</summary>
public sealed partial class ObjectExpositionTests
{
    private const int VmCount = 3_000; // about 2 MB of exposition: dozens of chunks

    private static readonly string[] s_vmFamilies =
    [
        "virt_vm_info", "virt_vm_power_state", "virt_vm_health", "virt_vm_heartbeat", "virt_vm_cpus", "virt_vm_memory_bytes",
        "virt_vm_cpu_usage_ratio", "virt_vm_cpu_ready_ratio", "virt_vm_memory_usage_ratio", "virt_vm_memory_consumed_bytes",
        "virt_vm_disk_throughput_bytes_per_second", "virt_vm_network_throughput_bytes_per_second",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_LargeEstate_EveryVmOnceInEveryFamilyAndEveryLineWhole(bool openMetrics)
    {
        var (exporter, _) = Published(VmCount);

        var text = await ExpositionText.WriteAsync(exporter, openMetrics);

        foreach (var family in s_vmFamilies)
        {
            var ids = ExpositionText.Series(text, family).Select(IdOf).ToList();
            Assert.Equal(VmCount, ids.Count);
            Assert.Equal(VmCount, ids.Distinct(StringComparer.Ordinal).Count());
        }

        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(LineShape(), line));
        Assert.Equal(openMetrics ? 1 : 0, Regex.Count(text, "^# EOF$", RegexOptions.Multiline));
        if (openMetrics)
        {
            Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Write_VmsRemovedBetweenTwoChunks_NoneOfThemWrittenAfterThatAndNoOtherLost()
    {
        var (exporter, catalog) = Published(VmCount);
        var kept = Samples(Inventory(VmCount / 2));

        // Write 1 is prometheus-net's part, 2 the first host family, 3 the first chunk of the first VM family.
        var output = new PublishingStream(afterWrites: 3, () => exporter.PublishRealtime(SampleEstate.Target, catalog, kept));
        await exporter.WriteAsync(output, openMetrics: false, CancellationToken.None);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.True(output.Published);

        // A realtime family written wholly after the publish shows only the VMs it kept; inventory ones all.
        Assert.Equal(VmCount / 2, ExpositionText.Series(text, "virt_vm_network_throughput_bytes_per_second").Count);
        Assert.Equal(VmCount, ExpositionText.Series(text, "virt_vm_power_state").Count);

        // The family being written when the publish came: every VM kept, and the removed ones stop there.
        var first = ExpositionText.Series(text, "virt_vm_cpu_usage_ratio").Select(line => Number(IdOf(line))).ToList();
        Assert.Equal(Enumerable.Range(0, VmCount / 2), first.Where(n => n < VmCount / 2).Order());
        Assert.InRange(first.Count, VmCount / 2, VmCount - 1);
    }

    [Fact]
    public async Task Write_NamesWithQuotesBackslashesAndLineFeeds_EscapedSoEveryLineIsOneSeries()
    {
        var exporter = SampleEstate.NewExporter();
        var inventory = Inventory(1, vmName: "odd \"vm\" C:\\x\nline");

        exporter.PublishInventory(inventory, Catalog(inventory));
        var text = await ExpositionText.WriteAsync(exporter);

        var power = Assert.Single(ExpositionText.Series(text, "virt_vm_power_state"));
        Assert.Contains("vm=\"odd \\\"vm\\\" C:\\\\x\\nline\"", power, StringComparison.Ordinal);
    }

    private static (PrometheusExporter Exporter, Dictionary<string, ObjectLabels> Catalog) Published(int vms)
    {
        var exporter = SampleEstate.NewExporter();
        var inventory = Inventory(vms);
        var catalog = Catalog(inventory);
        exporter.PublishInventory(inventory, catalog);
        exporter.PublishRealtime(SampleEstate.Target, catalog, Samples(inventory));
        return (exporter, catalog);
    }

    private static List<PerformanceSample> Samples(InventorySnapshot inventory) =>
        [.. inventory.Vms.SelectMany(vm => PerformanceMetric.All.Select(metric =>
            new PerformanceSample(vm.Id, metric, SampleEstate.At, Number(vm.Id) / 10_000.0)))];

    private static InventorySnapshot Inventory(int vms, string? vmName = null)
    {
        var healthy = new Health(HealthState.Healthy, null);
        var hostId = SampleEstate.Id("host-1");
        InventoryHost host = new(hostId, SampleEstate.Target, "esx-01", null, SampleEstate.Id("datacenter-1"), HypervisorKind.Esx, healthy, 64, 1L << 40, "VMware ESXi", "connected", false);
        var list = Enumerable.Range(0, vms).Select(i => new InventoryVm(
            SampleEstate.Id($"vm-{i}"), SampleEstate.Target, vmName ?? $"vm-{i:D5}", hostId, PowerState.PoweredOn, healthy, 2, 4L << 30, "Ubuntu Linux (64-bit)", false, HealthState.Healthy)).ToList();
        return new InventorySnapshot(SampleEstate.Target, SampleEstate.At, [], [], [host], list, []);
    }

    private static Dictionary<string, ObjectLabels> Catalog(InventorySnapshot inventory) => ObjectLabels.For(
        [],
        inventory.Hosts.Select(h => (h.Id, h.Name, h.ClusterId, h.Hypervisor)),
        inventory.Vms.Select(v => (v.Id, v.Name, v.HostId)));

    private static string IdOf(string line) => IdLabel().Match(line).Groups[1].Value;

    private static int Number(string id) => int.Parse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdLabel();

    // A comment, or one whole sample: name, labels, value.
    [GeneratedRegex("^(# .+|[a-z_]+(\\{[a-z_]+=\"([^\"\\\\]|\\\\.)*\"(,[a-z_]+=\"([^\"\\\\]|\\\\.)*\")*\\})? [-+0-9.eEInfNa]+)$")]
    private static partial Regex LineShape();

    /// <summary>A response body that runs a publish once a number of writes have reached it, as a
    /// publish that arrives while a scrape is being sent.</summary>
    private sealed class PublishingStream(int afterWrites, Action publish) : MemoryStream
    {
        private int _writes;

        public bool Published { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (++_writes == afterWrites)
            {
                publish();
                Published = true;
            }

            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
