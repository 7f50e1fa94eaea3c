using System.Text.Json;
using Monitoring.Core.Model;
using Monitoring.Reports.Rendering;
using Xunit;

namespace Monitoring.Tests.Reports;

/// <summary>The three output formats carry the same report: HTML self-contained with its charts, CSV one row per
/// scope, host and candidate, JSON the figures by name.</summary>
public sealed class CapacityRenderingTests
{
    private const long GiB = CapacityEstate.GiB;

    private static readonly Monitoring.Reports.Capacity.CapacityReport s_report = new CapacityEstate()
        .Cluster("vc1/c1", "prod & test")
        .Host("vc1/h1", "vc1/c1", 16, 64 * GiB).Host("vc1/h2", "vc1/c1", 16, 64 * GiB)
        .Vms("vc1/h1", 4, 2, 4 * GiB)
        .Series("vc1/h1", PerformanceMetric.CpuUsage, h => 0.2 + (0.0001 * h)).Series("vc1/h2", PerformanceMetric.CpuUsage, _ => 0.2)
        .Series("vc1/h1", PerformanceMetric.MemoryUsage, _ => 0.5)
        .Host("win/APP1", null, 4, 8 * GiB, HypervisorKind.Windows, "win", null)
        .Series("win/APP1", PerformanceMetric.CpuUsage, _ => 0.1)
        .Report();

    [Fact]
    public void Html_IsSelfContainedWithDrawnCharts()
    {
        var html = CapacityHtml.Write(s_report);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["http://www.w3.org/2000/svg"], System.Text.RegularExpressions.Regex.Matches(html, "https?://[^\"]+").Select(m => m.Value).Distinct());

        // Charts: the scope's usage (with a trend line), headroom bars, P2V score bars.
        Assert.Contains("aria-label=\"CPU and memory use of prod &amp; test\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"series\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"trend\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"headroom per scope\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"P2V score per server\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"t\">APP1</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasOneRowPerScopeHostAndCandidate_AllTheSameWidth()
    {
        var lines = CapacityCsv.Write(s_report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var width = lines[0].Split(',').Length;

        Assert.StartsWith("section,id,name,target,kind,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 3 + 1, lines.Length);
        Assert.Single(lines, l => l.StartsWith("scope,vc1/c1,prod & test,vc1,cluster,2,", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => l.StartsWith("host,", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("p2v,win/APP1,APP1,win,windows,", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(width, l.Split(',').Length));
    }

    [Fact]
    public void StorageHistory_ReachesCsvJsonAndHtml()
    {
        // One 1000-byte datastore filling from 200 bytes by 10 a day: 50 % now, full in 50 days.
        var report = new CapacityEstate()
            .Host("vc1/h1", null, 8, 32 * GiB)
            .Datastore("vc1/ds1", 1000, 500)
            .Series("vc1/ds1", StorageMetric.Capacity, _ => 1000).Series("vc1/ds1", StorageMetric.Used, h => 200 + (10.0 * h / 24))
            .Report();

        var lines = CapacityCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var columns = lines[0].Split(',').ToList();
        var scope = lines.Single(l => l.StartsWith("scope,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("50", scope[columns.IndexOf("storageDaysToExhaustion")]);
        Assert.Equal("0.01", scope[columns.IndexOf("storageTrendPerDay")]);

        using var document = JsonDocument.Parse(CapacityJson.Write(report));
        var history = document.RootElement.GetProperty("scopes")[0].GetProperty("storage").GetProperty("history");
        Assert.Equal(50, history.GetProperty("trend").GetProperty("daysToExhaustion").GetDouble(), 6);
        Assert.Equal(720, history.GetProperty("buckets").GetInt32());

        var html = CapacityHtml.Write(report);
        Assert.Contains("<th>storage days left</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>50</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesTheFiguresByName()
    {
        using var document = JsonDocument.Parse(CapacityJson.Write(s_report));
        var root = document.RootElement;

        Assert.Equal("hour", root.GetProperty("resolution").GetString());
        var scope = root.GetProperty("scopes")[0];
        Assert.Equal("prod & test", scope.GetProperty("name").GetString());
        Assert.Equal(s_report.Scopes[0].Headroom!.Vms, scope.GetProperty("headroom").GetProperty("vms").GetInt32());
        Assert.Equal("cpu", scope.GetProperty("headroom").GetProperty("binding").GetString());
        Assert.True(scope.GetProperty("cpu").GetProperty("trend").GetProperty("slopePerDay").GetDouble() > 0);
        Assert.Equal("APP1", root.GetProperty("p2vCandidates")[0].GetProperty("name").GetString());
    }
}
