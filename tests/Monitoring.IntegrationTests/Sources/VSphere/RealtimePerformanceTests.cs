using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Monitoring.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary>Realtime performance against the real simulator over TLS with a pinned thumbprint. Which
/// hosts and VMs should have samples comes from pyvmomi, not from our own client.</summary>
public sealed class RealtimePerformanceTests
{
    // 1 datacenter x (2 clusters x 2 hosts + 1 standalone host) = 5 hosts; 2 VMs per cluster and per standalone host = 6 VMs.
    private static readonly string[] s_model = ["-dc", "1", "-cluster", "2", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1"];

    private static readonly string[] s_ratios = [PerformanceMetric.CpuUsage, PerformanceMetric.CpuReady, PerformanceMetric.MemoryUsage];

    [Fact]
    public async Task CollectRealtimeAsync_VCenter_EveryHostAndRunningVmGetsAllSixMetricsInBatchesOfMaxQueryObjects()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        await PyVmomi.ActAsync(simulator, "power-off", "DC0_H0_VM0");
        await PyVmomi.ActAsync(simulator, "suspend", "DC0_C1_RP0_VM1");
        var expected = await RunningAsync(simulator, "vc1");
        var recorder = new RequestCounter();
        await using var pool = new VSphereSessionPool(NullLogger<VSphereSessionPool>.Instance, recorder);
        var collector = new VSpherePerformanceCollector(pool, NullLogger<VSpherePerformanceCollector>.Instance, TimeProvider.System);
        var started = DateTimeOffset.UtcNow;

        var batch = await collector.CollectRealtimeAsync(Target(simulator, "vc1", maxQueryObjects: 2), CancellationToken.None);

        Assert.Equal(5 + 4, expected.Count);
        Assert.Equal(expected.Count, batch.Objects);
        Assert.Equal(expected, batch.Samples.Select(s => s.ObjectId).Distinct().Order());
        foreach (var id in expected)
        {
            var samples = batch.Samples.Where(s => s.ObjectId == id).ToList();
            Assert.Equal(PerformanceMetric.All.Order(), samples.Select(s => s.Metric).Distinct().Order());
            Assert.All(samples.GroupBy(s => s.Metric), g => Assert.Equal(3, g.Count())); // maxSample 3
        }

        Assert.All(batch.Samples.Where(s => s_ratios.Contains(s.Metric)), s => Assert.InRange(s.Value, 0, 2));
        Assert.All(batch.Samples, s => Assert.True(s.Value >= 0 && double.IsFinite(s.Value), $"{s.ObjectId} {s.Metric} {s.Value}"));

        // The simulator stamps its canned values with the current time, 20 s apart.
        Assert.All(batch.Samples, s => Assert.InRange(s.Timestamp, started.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal((expected.Count + 1) / 2, recorder.Count("vc1", "QueryPerf"));
        Assert.Equal(1, recorder.Count("vc1", "Login"));
        Assert.Equal(0, recorder.Count("vc1", "QueryPerfCounter"));
    }

    [Fact]
    public async Task CollectRealtimeAsync_SessionExpiredOnTheServer_LogsInAgainAndTheNextPassSucceeds()
    {
        await using var simulator = await Simulator.StartAsync([.. s_model, "-session-idle", "1"]);
        var recorder = new RequestCounter();
        await using var pool = new VSphereSessionPool(NullLogger<VSphereSessionPool>.Instance, recorder);
        var collector = new VSpherePerformanceCollector(pool, NullLogger<VSpherePerformanceCollector>.Instance, TimeProvider.System);
        var target = Target(simulator, "vc1", maxQueryObjects: 256);
        var first = await collector.CollectRealtimeAsync(target, CancellationToken.None);

        // The simulator checks idle sessions once per idle timeout: after three, ours is surely gone.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var second = await collector.CollectRealtimeAsync(target, CancellationToken.None);

        Assert.Equal(first.Objects, second.Objects);
        Assert.Equal(first.Samples.Count, second.Samples.Count);
        Assert.Equal(2, recorder.Count("vc1", "Login"));
        Assert.Equal(1, recorder.Count("vc1", "RetrieveServiceContent"));
    }

    private static TargetDefinition Target(SimulatorProcess simulator, string name, int maxQueryObjects) =>
        new(
            name,
            TargetKind.VSphere,
            simulator.Endpoint.Url,
            Simulator.User,
            new Secret(Simulator.Password),
            Convert.FromHexString(simulator.Endpoint.Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            maxQueryObjects,
            null);

    /// <summary>Ids of every host and every powered-on VM, as pyvmomi reads them (every simulated host is connected).</summary>
    private static async Task<List<string>> RunningAsync(SimulatorProcess simulator, string target)
    {
        var inventory = await PyVmomi.InventoryAsync(simulator, target);
        var hosts = inventory.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("id").GetString()!);
        var vms = inventory.GetProperty("vms").EnumerateArray()
            .Where(v => v.GetProperty("powerState").GetString() == "poweredOn")
            .Select(v => v.GetProperty("id").GetString()!);
        return [.. hosts.Concat(vms).Order(StringComparer.Ordinal)];
    }

    /// <summary>Counts requests per target and method, as the service's recorder does.</summary>
    private sealed class RequestCounter : IRequestRecorder
    {
        private readonly Dictionary<(string Target, string Method), int> _counts = [];

        public void Record(string target, string method)
        {
            lock (_counts)
            {
                _counts[(target, method)] = _counts.GetValueOrDefault((target, method)) + 1;
            }
        }

        public int Count(string target, string method)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault((target, method));
            }
        }
    }
}
