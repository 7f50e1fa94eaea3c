using System.Diagnostics;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Dashboards;

/// <summary>Every dashboard type-checks as a Grafana <c>Dashboard</c> (npm @grafana/schema, tsc --strict),
/// and the check does fail on a dashboard Grafana's types reject.</summary>
public sealed class GrafanaDashboardTests
{
    private static readonly string s_tools = Path.Combine(RepositoryPaths.Root, "dashboards", "tools");

    [Fact]
    public async Task Dashboards_TypeCheckAsGrafanaDashboard()
    {
        var (exitCode, output) = await CheckAsync(null);

        Assert.True(exitCode == 0, $"dashboards do not type-check:\n{output}");
        foreach (var name in new[] { "virt-overview", "virt-host", "virt-vm", "virt-capacity", "virt-collector" })
        {
            Assert.Contains(name + ".json", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"schemaVersion\": 39", "\"schemaVersion\": \"39\"", "TS2322")] // wrong type
    [InlineData("\"gridPos\": {", "\"gridPosition\": {", "TS2353")] // unknown property (a typo)
    public async Task Check_BrokenDashboard_Fails(string find, string replace, string error)
    {
        var folder = Directory.CreateTempSubdirectory("monitoring-dashboards-").FullName;
        try
        {
            var original = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "dashboards", "grafana", "virt-host.json"));
            Assert.Contains(find, original, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "virt-host.json"), original.Replace(find, replace, StringComparison.Ordinal));

            var (exitCode, output) = await CheckAsync(folder);

            Assert.NotEqual(0, exitCode);
            Assert.Contains(error, output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string? folder)
    {
        Assert.True(Directory.Exists(Path.Combine(s_tools, "node_modules", "@grafana", "schema")), "npm packages missing: run scripts/install-peers.sh");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(s_tools, "check-dashboards.mjs"));
        if (folder is not null)
        {
            start.ArgumentList.Add(folder);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }
}
