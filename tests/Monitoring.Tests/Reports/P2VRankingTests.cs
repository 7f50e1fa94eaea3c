using Monitoring.Core.Model;
using Xunit;

namespace Monitoring.Tests.Reports;

/// <summary>P2V candidates: physical Windows servers ranked by how well they would consolidate.</summary>
public sealed class P2VRankingTests
{
    private const long GiB = CapacityEstate.GiB;

    private static CapacityEstate Servers() => new CapacityEstate()
        .Host("vc1/esx1", null, 32, 64 * GiB) // the average virtualization host: 64 GiB
        .Host("win/IDLE", null, 4, 16 * GiB, HypervisorKind.Windows, "win", null)
        .Host("win/BUSY", null, 8, 64 * GiB, HypervisorKind.Windows, "win", null)
        .Host("win/MEDIUM", null, 8, 32 * GiB, HypervisorKind.Windows, "win", null)
        .Series("win/IDLE", PerformanceMetric.CpuUsage, _ => 0.05, peak: 0.2).Series("win/IDLE", PerformanceMetric.MemoryUsage, _ => 0.2, peak: 0.3)
        .Series("win/BUSY", PerformanceMetric.CpuUsage, _ => 0.7, peak: 1.0).Series("win/BUSY", PerformanceMetric.MemoryUsage, _ => 0.8, peak: 0.95)
        .Series("win/MEDIUM", PerformanceMetric.CpuUsage, _ => 0.3, peak: 0.6).Series("win/MEDIUM", PerformanceMetric.MemoryUsage, _ => 0.5, peak: 0.6)
        .Datastore("win/IDLE/C:", 1024 * GiB, 924 * GiB, null)
        .Datastore("win/BUSY/C:", 1024 * GiB, 224 * GiB, null)
        .Datastore("win/MEDIUM/C:", 512 * GiB, 212 * GiB, null);

    [Fact]
    public void Rank_IdleSmallServerFirst_BusyLargeServerLast()
    {
        var candidates = Servers().Report().P2VCandidates;

        Assert.Equal(["IDLE", "MEDIUM", "BUSY"], candidates.Select(c => c.Name));
        Assert.Equal([1, 2, 3], candidates.Select(c => c.Rank));
        Assert.DoesNotContain(candidates, c => c.Id == "vc1/esx1");
    }

    [Fact]
    public void Score_IsTheWeightedMeanOfOneMinusEachLoad()
    {
        var idle = Servers().Report().P2VCandidates[0];

        // 0.25 x 0.95 + 0.15 x 0.8 + 0.20 x 0.8 + 0.10 x 0.7 + 0.15 x (1 - 3.2/64) + 0.15 x (1 - 100/1024) = 0.86535
        Assert.Equal(86.5, idle.Score);
        Assert.Equal(0.95, idle.Terms["memoryFootprint"], 10);
        Assert.Equal(1 - (100.0 / 1024), idle.Terms["diskFootprint"], 10);
        Assert.Equal(100 * GiB, idle.DiskFootprintBytes);
        Assert.Equal((long)Math.Round(0.2 * 16 * GiB), idle.MemoryFootprintBytes);
        Assert.Null(idle.Note);
    }

    [Fact]
    public void Score_ServerWithoutLoadData_IsScoredOnWhatIsKnownAndSaysWhatIsMissing()
    {
        var estate = Servers().Host("win/NEW", null, 2, 4 * GiB, HypervisorKind.Windows, "win", null);

        var fresh = Assert.Single(estate.Report().P2VCandidates, c => c.Name == "NEW");

        Assert.Empty(fresh.Terms);
        Assert.Contains("averageCpu", fresh.Note!, StringComparison.Ordinal);
        Assert.Contains("diskFootprint", fresh.Note!, StringComparison.Ordinal);
        Assert.Equal(0, fresh.Score);
    }
}
