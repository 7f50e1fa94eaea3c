using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.WinRM;
using Monitoring.Sources.WinRM.HyperV;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>A Hyper-V host's realtime pass through the real client and transport (HTTPS, Basic) against the test
/// endpoint: each running VM's disk and network throughput from the Hyper-V device counter classes, tied to the
/// VM through its disk settings and its adapters' instance names, as the served replies hold them.</summary>
public sealed class HyperVDeviceThroughputTests
{
    [Theory]
    [InlineData("hyperv-2008r2", HyperVDeviceThroughput.StorageClassV1, "Msvm_ResourceAllocationSettingData", "Connection")]
    [InlineData("hyperv-2016", HyperVDeviceThroughput.StorageClassV2, "Msvm_StorageAllocationSettingData", "HostResource")]
    public async Task Realtime_RunningVms_GetDiskAndNetworkThroughputFromTheDeviceCounters(string profile, string storageClass, string settingsClass, string pathProperty)
    {
        await using var endpoint = await WsManEndpoint.StartAsync(profile);
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);

        var collector = Collector(pool);
        var target = Target(endpoint);
        var batch = await collector.CollectRealtimeAsync(target, CancellationToken.None);

        var running = Running(profile);
        Assert.NotEmpty(running);
        foreach (var (guid, name) in running)
        {
            var vmId = ObjectId.Create("hv", guid);
            var adapters = ServedReply.Instances(profile, HyperVDeviceThroughput.NetworkClass).Where(a => a["Name"]!.StartsWith(name + "_", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(adapters);
            Assert.Equal(adapters.Sum(a => Number(a["BytesReceivedPersec"]) + Number(a["BytesSentPersec"])), Value(batch, vmId, PerformanceMetric.NetworkThroughput));

            var path = ServedReply.Instances(profile, settingsClass).Single(s => s["InstanceID"]!.StartsWith("Microsoft:" + guid + "\\", StringComparison.OrdinalIgnoreCase))[pathProperty]!;
            var device = ServedReply.Instances(profile, storageClass).Single(d => d["Name"] == path.Replace('\\', '-'));
            Assert.Equal(Number(device["ReadBytesPersec"]) + Number(device["WriteBytesPersec"]), Value(batch, vmId, PerformanceMetric.DiskThroughput));
        }

        // Stopped and saved VMs have no counters and get no samples.
        var vmSamples = batch.Samples.Where(s => s.Metric is PerformanceMetric.DiskThroughput or PerformanceMetric.NetworkThroughput && s.ObjectId != HostId(batch)).ToList();
        Assert.Equal(running.Count * 2, vmSamples.Count);

        // The next pass gets the same disk samples without reading the disk settings again (no disk was attached).
        var next = await collector.CollectRealtimeAsync(target, CancellationToken.None);
        Assert.Equal(
            batch.Samples.Where(s => s.Metric == PerformanceMetric.DiskThroughput).Select(s => (s.ObjectId, s.Value)),
            next.Samples.Where(s => s.Metric == PerformanceMetric.DiskThroughput).Select(s => (s.ObjectId, s.Value)));
        Assert.Equal(1, endpoint.Enumerations(settingsClass));
        Assert.Equal(2, endpoint.Enumerations(storageClass));
    }

    [Fact]
    public async Task InventoryThenRealtime_TheRealtimePassUsesTheInventorysDiskSettings()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("hyperv-2016");
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);
        var target = Target(endpoint);

        await new HyperVCollector(pool, NullLogger<HyperVCollector>.Instance, TimeProvider.System).CollectInventoryAsync(target, CancellationToken.None);
        var batch = await Collector(pool).CollectRealtimeAsync(target, CancellationToken.None);

        var (guid, _) = Running("hyperv-2016").Single();
        Assert.Contains(batch.Samples, s => s.ObjectId == ObjectId.Create("hv", guid) && s.Metric == PerformanceMetric.DiskThroughput);
        Assert.Equal(1, endpoint.Enumerations("Msvm_StorageAllocationSettingData"));
    }

    [Fact]
    public async Task InventoryThenRealtime_TheSessionFindsTheHyperVProviderOnce()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("hyperv-2016");
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);
        var target = Target(endpoint);

        await new HyperVCollector(pool, NullLogger<HyperVCollector>.Instance, TimeProvider.System).CollectInventoryAsync(target, CancellationToken.None);
        await Collector(pool).CollectRealtimeAsync(target, CancellationToken.None);
        await Collector(pool).CollectRealtimeAsync(target, CancellationToken.None);

        // The namespace and the management service are the host's, not a collector's: one look-up for the session.
        Assert.Equal(1, endpoint.Enumerations("Msvm_VirtualSystemManagementService"));
    }

    [Fact]
    public async Task Realtime_NetworkCounterClassMissing_IsAGapAndTheRestIsRead()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("hyperv-2016");
        endpoint.Faults[HyperVDeviceThroughput.NetworkClass] = WsManEndpoint.CapturedFault(0x80041010, "n:CannotProcessFilter", "Invalid class ");
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);
        var target = Target(endpoint);

        var batch = await Collector(pool).CollectRealtimeAsync(target, CancellationToken.None);

        var (guid, _) = Running("hyperv-2016").Single();
        var vmId = ObjectId.Create("hv", guid);
        Assert.DoesNotContain(batch.Samples, s => s.ObjectId == vmId && s.Metric == PerformanceMetric.NetworkThroughput);
        Assert.Contains(batch.Samples, s => s.ObjectId == vmId && s.Metric == PerformanceMetric.DiskThroughput);
        Assert.Contains(batch.Samples, s => s.ObjectId == vmId && s.Metric == PerformanceMetric.CpuUsage);
        Assert.Equal([HyperVDeviceThroughput.NetworkClass], pool.SessionFor(target).SortedGaps());
    }

    private static HyperVPerformanceCollector Collector(WinRMSessionPool pool) =>
        new(pool, NullLogger<HyperVPerformanceCollector>.Instance, TimeProvider.System);

    private static TargetDefinition Target(WsManEndpoint endpoint) => new(
        "hv", TargetKind.HyperV, endpoint.Url, "monitor", new Secret("winrm-test-pass"),
        Convert.FromHexString(endpoint.Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal)), TimeSpan.FromSeconds(30), 256, "Basic");

    /// <summary>The running VMs (EnabledState 2 in both namespaces) of the served summary: GUID and display name.</summary>
    private static List<(string Guid, string Name)> Running(string profile) =>
        [.. ServedReply.Instances(profile, "Msvm_SummaryInformation", "GetSummaryInformation").Where(s => s["EnabledState"] == "2").Select(s => (s["Name"]!, s["ElementName"]!))];

    private static string HostId(PerformanceBatch batch) =>
        batch.Samples.First(s => s.Metric == PerformanceMetric.MemoryUsage).ObjectId;

    private static double Value(PerformanceBatch batch, string objectId, string metric) =>
        Assert.Single(batch.Samples, s => s.ObjectId == objectId && s.Metric == metric).Value;

    private static double Number(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);
}
