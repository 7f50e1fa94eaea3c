using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Reports;

/// <summary><c>ports --check</c> against a configuration with a live target (the simulator, pinned), a dead one (a
/// closed port) and one pinned to the wrong certificate: the dead and the mis-pinned are named with their reasons,
/// the live one answers, and the exit code is 1.</summary>
public sealed class PortsCheckTests
{
    [Fact]
    public async Task PortsCheck_OneLiveOneDeadOneMisPinned_NamesTheFailuresAndExitsOne()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "1", "-vm", "1", "-ds", "1");
        using var workspace = new Workspace();
        var deadPort = ServiceProcess.FreePort(); // bound and released: nothing listens there now
        var listenerPort = ServiceProcess.FreePort();
        var dead = Workspace.Target("dead", simulator);
        dead["Address"] = $"https://127.0.0.1:{deadPort}/sdk";
        var misPinned = Workspace.Target("mispinned", simulator, thumbprint: string.Join(':', Enumerable.Repeat("AB", 32)));
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = $"http://127.0.0.1:{listenerPort}" },
                Targets = new[] { Workspace.Target("live", simulator), dead, misPinned },
            },
        });

        var table = await Cli.RunAsync(workspace.Directory, "ports", "--check", "--config", workspace.ConfigPath);

        Assert.Equal(1, table.ExitCode);
        var failures = table.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("ports: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, l => l.StartsWith($"ports: target dead (127.0.0.1:{deadPort}): FAILED: TCP 127.0.0.1:{deadPort}: connection refused", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.StartsWith("ports: target mispinned", StringComparison.Ordinal) && l.Contains("does not match the pinned Thumbprint", StringComparison.Ordinal));
        var liveRow = Assert.Single(table.Stdout.Split('\n'), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["target", "live", ..]);
        Assert.Contains("ok: HTTP ", liveRow, StringComparison.Ordinal);
        Assert.Contains("certificate matches Thumbprint", liveRow, StringComparison.Ordinal);
        Assert.Contains("ok: opens", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("ok: not running; the port is free", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Password, table.Stdout + table.Stderr, StringComparison.Ordinal);

        var json = await Cli.RunAsync(workspace.Directory, "ports", "--check", "--json", "--config", workspace.ConfigPath);

        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var connections = document.RootElement.GetProperty("connections").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.True(connections["live"].GetProperty("check").GetProperty("ok").GetBoolean());
        Assert.False(connections["dead"].GetProperty("check").GetProperty("ok").GetBoolean());
        Assert.Equal(deadPort, connections["dead"].GetProperty("port").GetInt32());
        Assert.False(connections["mispinned"].GetProperty("check").GetProperty("ok").GetBoolean());
        Assert.Equal(simulator.Endpoint.Url.Port, connections["live"].GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task PortsCheck_RunningService_ListenerAnswersAndEverythingPasses()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "1", "-vm", "1", "-ds", "1");
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new { Http = new { Urls = url.ToString().TrimEnd('/') }, Targets = new[] { Workspace.Target("live", simulator) } },
        });
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);

        var result = await Cli.RunAsync(workspace.Directory, "ports", "--check", "--config", workspace.ConfigPath);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("ok: bound and answering (HTTP 200 on /healthz)", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
    }
}
