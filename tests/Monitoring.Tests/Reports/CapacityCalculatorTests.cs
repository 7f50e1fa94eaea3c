using Monitoring.Core.Model;
using Monitoring.Reports.Capacity;
using Xunit;

namespace Monitoring.Tests.Reports;

/// <summary>Capacity figures of estates built with known answers: use, headroom and its binding resource, reserve,
/// days to exhaustion, density, storage.</summary>
public sealed class CapacityCalculatorTests
{
    private const long GiB = CapacityEstate.GiB;

    /// <summary>Three 16-CPU, 64 GiB hosts at a steady 25 % CPU and 50 % memory, running 8 VMs of 2 vCPUs and 4 GiB
    /// (one more powered off).</summary>
    private static CapacityEstate SteadyCluster() => new CapacityEstate()
        .Cluster("vc1/c1", "prod")
        .Host("vc1/h1", "vc1/c1", 16, 64 * GiB).Host("vc1/h2", "vc1/c1", 16, 64 * GiB).Host("vc1/h3", "vc1/c1", 16, 64 * GiB)
        .Vms("vc1/h1", 3, 2, 4 * GiB).Vms("vc1/h2", 3, 2, 4 * GiB).Vms("vc1/h3", 2, 2, 4 * GiB).Vms("vc1/h3", 1, 8, 64 * GiB, PowerState.PoweredOff)
        .Series("vc1/h1", PerformanceMetric.CpuUsage, _ => 0.25).Series("vc1/h2", PerformanceMetric.CpuUsage, _ => 0.25).Series("vc1/h3", PerformanceMetric.CpuUsage, _ => 0.25)
        .Series("vc1/h1", PerformanceMetric.MemoryUsage, _ => 0.5).Series("vc1/h2", PerformanceMetric.MemoryUsage, _ => 0.5).Series("vc1/h3", PerformanceMetric.MemoryUsage, _ => 0.5);

    [Fact]
    public void Calculate_SteadyCluster_HeadroomIsBoundByCpuWithOneHostInReserve()
    {
        var scope = Assert.Single(SteadyCluster().Report().Scopes);

        // CPU: p95 demand 0.25 x 48 = 12 logical CPUs over 8 VMs = 1.5 per VM; capacity 48 - 16 (reserve) = 32;
        // (32 - 12) / 1.5 = 13.3 -> 13. Memory: 192 - 64 = 128 GiB; allocated 32 GiB; (128 - 32) / 4 = 24.
        var headroom = scope.Headroom!;
        Assert.Equal(1.5, headroom.AverageVmCpus, 10);
        Assert.Equal(4 * GiB, headroom.AverageVmMemoryBytes);
        Assert.Equal("scope", headroom.AverageFrom);
        Assert.Equal(1, headroom.ReserveHosts);
        Assert.Equal(13, headroom.ByCpu);
        Assert.Equal(24, headroom.ByMemory);
        Assert.Equal(13, headroom.Vms);
        Assert.Equal("cpu", headroom.Binding);
        Assert.Equal(0.25, scope.Cpu.Average!.Value, 10);
        Assert.Equal(0.25, scope.Cpu.P95!.Value, 10);
        Assert.Null(scope.Cpu.Trend!.DaysToExhaustion);
        Assert.Equal("prod", scope.Name);
        Assert.Equal("cluster", scope.Kind);
    }

    [Fact]
    public void Calculate_TargetRatioAndNoReserve_ChangeTheFit()
    {
        var scope = Assert.Single(SteadyCluster().Report(new CapacityOptions { ReserveHosts = 0, TargetRatio = 0.8 }).Scopes);

        // CPU: 48 x 0.8 = 38.4; (38.4 - 12) / 1.5 = 17.6 -> 17. Memory: 192 x 0.8 = 153.6; (153.6 - 32) / 4 = 30.4 -> 30.
        Assert.Equal(17, scope.Headroom!.ByCpu);
        Assert.Equal(30, scope.Headroom.ByMemory);
        Assert.Equal(0, scope.Headroom.ReserveHosts);
    }

    [Fact]
    public void Calculate_MemoryHeavyVms_HeadroomIsBoundByMemory()
    {
        var estate = new CapacityEstate()
            .Cluster("vc1/c1", "big-memory")
            .Host("vc1/h1", "vc1/c1", 32, 64 * GiB).Host("vc1/h2", "vc1/c1", 32, 64 * GiB)
            .Vms("vc1/h1", 2, 2, 16 * GiB)
            .Series("vc1/h1", PerformanceMetric.CpuUsage, _ => 0.1).Series("vc1/h2", PerformanceMetric.CpuUsage, _ => 0.1);

        var headroom = Assert.Single(estate.Report().Scopes).Headroom!;

        // Memory: 128 - 64 (reserve) = 64 GiB, 32 allocated, (64 - 32) / 16 = 2. CPU: 6.4 demand, 3.2 per VM, (32 - 6.4) / 3.2 = 8.
        Assert.Equal(2, headroom.ByMemory);
        Assert.Equal(8, headroom.ByCpu);
        Assert.Equal(2, headroom.Vms);
        Assert.Equal("memory", headroom.Binding);
    }

    [Fact]
    public void Calculate_P95_IsOverHourlyAveragesOfTheScopeWeightedByHostSize()
    {
        // h1 (8 CPUs) idles at 0.1; h2 (24 CPUs) runs 0.2 except 10 % of hours at 1.0. The scope's ratio is
        // (8 x 0.1 + 24 x h2) / 32: 0.175 most hours, 0.775 in the busy ones.
        var estate = new CapacityEstate()
            .Cluster("vc1/c1", "mixed")
            .Host("vc1/h1", "vc1/c1", 8, 32 * GiB).Host("vc1/h2", "vc1/c1", 24, 96 * GiB)
            .Series("vc1/h1", PerformanceMetric.CpuUsage, _ => 0.1)
            .Series("vc1/h2", PerformanceMetric.CpuUsage, h => h % 10 == 0 ? 1.0 : 0.2);

        var report = estate.Report();
        var scope = Assert.Single(report.Scopes);

        // 720 buckets, 72 busy: the 95th percentile (rank 683.05 of 0..719) lies among the busy ones.
        Assert.Equal(0.775, scope.Cpu.P95!.Value, 10);
        Assert.Equal((0.9 * 0.175) + (0.1 * 0.775), scope.Cpu.Average!.Value, 10);
        var h2 = Assert.Single(report.Hosts, h => h.Id == "vc1/h2");
        Assert.Equal(1.0, h2.Cpu.P95!.Value, 10);
        Assert.Equal(1.0, h2.Cpu.Peak!.Value, 10);
    }

    [Fact]
    public void Calculate_RisingMemory_GivesDaysToExhaustionPerHostAndScope()
    {
        // Memory rises from 40 % by 1 point a day (1/24 point an hour) over 30 days: 70 % now, full in 30 days.
        var estate = new CapacityEstate()
            .Host("vc1/h1", null, 8, 32 * GiB)
            .Series("vc1/h1", PerformanceMetric.MemoryUsage, h => 0.4 + (0.01 * h / 24))
            .Series("vc1/h1", PerformanceMetric.CpuUsage, _ => 0.3);

        var report = estate.Report();
        var host = Assert.Single(report.Hosts);
        var scope = Assert.Single(report.Scopes);

        Assert.Equal(0.01, host.Memory.Trend!.SlopePerDay, 8);
        Assert.Equal(30, host.Memory.Trend.DaysToExhaustion!.Value, 4);
        Assert.Equal(30, scope.Memory.Trend!.DaysToExhaustion!.Value, 4);
        Assert.Null(host.Cpu.Trend!.DaysToExhaustion);
        Assert.Equal("standalone", scope.Kind);
        Assert.Equal("vc1/(standalone)", scope.Id);
    }

    [Fact]
    public void Calculate_StandaloneHosts_HaveNoReserve()
    {
        var estate = new CapacityEstate()
            .Host("vc1/h1", null, 16, 64 * GiB).Host("vc1/h2", null, 16, 64 * GiB)
            .Vms("vc1/h1", 4, 2, 8 * GiB)
            .Series("vc1/h1", PerformanceMetric.CpuUsage, _ => 0.25).Series("vc1/h2", PerformanceMetric.CpuUsage, _ => 0.25);

        var headroom = Assert.Single(estate.Report().Scopes).Headroom!;

        // Memory: 128 GiB, 32 allocated, (128 - 32) / 8 = 12. CPU: demand 8, 2 per VM, (32 - 8) / 2 = 12.
        Assert.Equal(0, headroom.ReserveHosts);
        Assert.Equal(12, headroom.ByMemory);
        Assert.Equal(12, headroom.ByCpu);
    }

    [Fact]
    public void Calculate_ClusterWithoutVms_UsesTheEstatesAverageVm()
    {
        var estate = SteadyCluster()
            .Cluster("vc1/c2", "empty")
            .Host("vc1/h4", "vc1/c2", 16, 64 * GiB).Host("vc1/h5", "vc1/c2", 16, 64 * GiB)
            .Series("vc1/h4", PerformanceMetric.CpuUsage, _ => 0.05).Series("vc1/h5", PerformanceMetric.CpuUsage, _ => 0.05);

        var empty = Assert.Single(estate.Report().Scopes, s => s.Name == "empty");

        // Estate average: 1.5 CPUs, 4 GiB (from prod). CPU: 32 - 16 = 16; demand 1.6; (16 - 1.6) / 1.5 = 9.6 -> 9.
        // Memory: 64 GiB free of allocations / 4 = 16.
        Assert.Equal("estate", empty.Headroom!.AverageFrom);
        Assert.Equal(9, empty.Headroom.ByCpu);
        Assert.Equal(16, empty.Headroom.ByMemory);
        Assert.Equal(9, empty.Headroom.Vms);
    }

    [Fact]
    public void Calculate_Density_CountsPoweredOnVmsAndVcpus()
    {
        var density = Assert.Single(SteadyCluster().Report().Scopes).Density;

        Assert.Equal(8, density.PoweredOnVms);
        Assert.Equal(8 / 3.0, density.VmsPerHost, 10);
        Assert.Equal(16 / 48.0, density.VcpusPerLogicalCpu!.Value, 10);
    }

    [Fact]
    public void Calculate_Storage_SumsTheScopesDatacenterDatastores()
    {
        var estate = SteadyCluster()
            .Datastore("vc1/ds1", 1000, 250).Datastore("vc1/ds2", 1000, 750).Datastore("vc2/other", 5000, 0, "vc2/dc9");

        var storage = Assert.Single(estate.Report().Scopes).Storage!;

        Assert.Equal(2000, storage.CapacityBytes);
        Assert.Equal(1000, storage.UsedBytes);
        Assert.Equal(0.5, storage.Ratio!.Value, 10);
        Assert.Equal(2, storage.Datastores);
    }

    [Fact]
    public void Calculate_NoSamples_LeavesFiguresEmptyRatherThanZero()
    {
        var report = new CapacityEstate().Cluster("vc1/c1", "quiet").Host("vc1/h1", "vc1/c1", 8, 16 * GiB).Report();

        var scope = Assert.Single(report.Scopes);
        Assert.Null(scope.Cpu.Average);
        Assert.Null(scope.Cpu.P95);
        Assert.Null(scope.Cpu.Trend);
        Assert.Null(scope.Headroom);
        Assert.Empty(scope.Usage);
    }

    [Fact]
    public void Calculate_UnderADayOfHistory_HasUseButNoTrend()
    {
        // A young service: ten minutes of steeply rising CPU. Averages are shown; a trend would be a guess.
        var now = CapacityEstate.Now.ToUnixTimeSeconds();
        var estate = new CapacityEstate().Host("vc1/h1", null, 8, 16 * GiB);
        var data = estate.Data() with
        {
            Resolution = "minute",
            Series = new Dictionary<(string, string), IReadOnlyList<SamplePoint>>
            {
                [("vc1/h1", PerformanceMetric.CpuUsage)] = [.. Enumerable.Range(0, 10).Select(m => new SamplePoint(now - 600 + (m * 60), 0.1 * m, 0.1 * m))],
            },
        };

        var host = Assert.Single(new CapacityCalculator(new CapacityOptions()).Calculate(data).Hosts);

        Assert.Equal(0.45, host.Cpu.Average!.Value, 10);
        Assert.Equal(10, host.Cpu.Buckets);
        Assert.Null(host.Cpu.Trend);
    }
}
