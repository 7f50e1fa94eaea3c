using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.Remediation.Balancing;
using Monitoring.Service.Remediation;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Remediation;

public sealed class BalancerInputReaderTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_TakesDemandFromEachVmsStoredMinutes_AndTheBalancerMovesOneOffTheBusyHost()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var hosts = new[]
        {
            Host("vc01", "host-1", "esx-1", cpus: 16, memory: 64L << 30) with { ClusterId = "vc01/domain-c7" },
            Host("vc01", "host-2", "esx-2", cpus: 16, memory: 64L << 30) with { ClusterId = "vc01/domain-c7" },
            Host("vc01", "host-3", "esx-3") with { ClusterId = "vc01/domain-c7", InMaintenance = true },
            Host("vc01", "host-9", "standalone"),
        };
        var vms = new[]
        {
            Vm("vc01", "vm-1", "web-01", "host-1") with { CpuCount = 4, MemoryBytes = 4L << 30 },
            Vm("vc01", "vm-2", "web-02", "host-1") with { CpuCount = 4, MemoryBytes = 4L << 30 },
            Vm("vc01", "vm-3", "old-03", "host-1", PowerState.PoweredOff),
        };
        await new InventoryStore(database, new FakeTimeProvider(s_now)).ApplyAsync(
            Snapshot("vc01", s_now, hosts, vms) with { Clusters = [new InventoryCluster("vc01/domain-c7", "vc01", "Prod", null, new Health(HealthState.Healthy, null))] },
            s_now,
            CancellationToken.None);

        // vm-1: six quiet minutes and four busy ones -> the top 40 % is the busy four: 0.9 x 4 vCPUs = 3.6 cores.
        // An older minute (30 minutes ago, value 1.0) is outside the last ten and must not count.
        var rows = new List<MinuteSampleRecord> { Sample("vc01/vm-1", PerformanceMetric.CpuUsage, -30, 1.0) };
        double[] cpu = [0.1, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1];
        for (var m = 0; m < 10; m++)
        {
            rows.Add(Sample("vc01/vm-1", PerformanceMetric.CpuUsage, m - 10, cpu[m]));
            rows.Add(Sample("vc01/vm-1", PerformanceMetric.MemoryUsage, m - 10, 0.5));
            rows.Add(Sample("vc01/vm-2", PerformanceMetric.CpuUsage, m - 10, 0.5));
        }

        await new SampleWriter(database).WriteAsync(rows, CancellationToken.None);

        var input = await new BalancerInputReader(database).ReadAsync([], s_now, CancellationToken.None);

        var cluster = Assert.Single(input.Clusters);
        Assert.Equal("vc01/domain-c7", cluster.Id);
        Assert.Equal("Prod", input.NameOf(cluster.Id));
        Assert.Equal(["vc01/host-1", "vc01/host-2", "vc01/host-3"], cluster.Hosts.Select(h => h.Id).Order());
        Assert.True(cluster.Hosts.Single(h => h.Id == "vc01/host-3").InMaintenance);
        var vm1 = cluster.Vms.Single(v => v.Id == "vc01/vm-1");
        Assert.Equal(3.6, vm1.CpuDemand, 9);
        Assert.Equal(2.0 * (1L << 30), vm1.MemoryDemandBytes, 3);
        Assert.Equal(4.0 * (1L << 30), vm1.ConfiguredMemoryBytes);
        Assert.Equal(2.0, cluster.Vms.Single(v => v.Id == "vc01/vm-2").CpuDemand, 9);
        Assert.False(cluster.Vms.Single(v => v.Id == "vc01/vm-3").PoweredOn);

        var move = Assert.Single(GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 5 }).Moves);
        Assert.Equal(("vc01/host-1", "vc01/host-2"), (move.FromHostId, move.ToHostId));
    }

    private static MinuteSampleRecord Sample(string id, string metric, int minutesFromNow, double value) => new()
    {
        ObjectId = id,
        Metric = metric,
        Timestamp = s_now.AddMinutes(minutesFromNow).ToUnixTimeSeconds(),
        Average = value,
        Minimum = value,
        Maximum = value,
        Count = 3,
    };
}
