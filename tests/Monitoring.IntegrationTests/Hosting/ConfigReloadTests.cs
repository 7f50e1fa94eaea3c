using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Hosting;

/// <summary>Targets added to, removed from or broken in the configuration file while the service runs
/// are applied without a restart; a change that does not validate is refused and the running set kept.</summary>
public sealed class ConfigReloadTests
{
    [Fact]
    public async Task Run_TargetsChangedInTheFile_AreAppliedLiveAndABadChangeIsRefused()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "1", "-standalone-host", "0", "-vm", "1", "-ds", "1");
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        object Config(params object[] targets) => new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 30 },
                Targets = targets,
            },
        };
        workspace.WriteConfigDocument(Config(Workspace.Target("vc1", simulator)));
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        await WaitForAsync(service, e => e.Contains(Success("vc1"), StringComparison.Ordinal));

        // Added: collected without a restart.
        workspace.WriteConfigDocument(Config(Workspace.Target("vc1", simulator), Workspace.Target("vc2", simulator)));
        await WaitForAsync(service, e => e.Contains(Success("vc2"), StringComparison.Ordinal));

        // Removed: its jobs stop and its series go.
        workspace.WriteConfigDocument(Config(Workspace.Target("vc2", simulator)));
        await WaitForAsync(service, e => !e.Contains("target=\"vc1\",pass=", StringComparison.Ordinal));

        // Broken: refused as a whole, the running target keeps being collected.
        var broken = Workspace.Target("vc2", simulator);
        broken["Pasword"] = "typo";
        workspace.WriteConfigDocument(Config(broken));
        await WaitForLogAsync(service, "Monitoring:Targets:0:Pasword");
        var before = await LastRealtimeSuccessAsync(service, "vc2");
        await WaitForAsync(service, e => Exposition.Series(e, "virt_collector_last_success_timestamp_seconds").Any(l =>
            l.Contains("target=\"vc2\",pass=\"realtime\"", StringComparison.Ordinal) && Exposition.Value(l) > before));
        Assert.False(service.HasExited);
    }

    private static string Success(string target) => $"virt_collector_success{{target=\"{target}\",pass=\"realtime\"}} 1";

    private static async Task<double> LastRealtimeSuccessAsync(ServiceProcess service, string target) =>
        Exposition.Value(Exposition.Series(await service.GetAsync("/metrics"), "virt_collector_last_success_timestamp_seconds")
            .Single(l => l.Contains($"target=\"{target}\",pass=\"realtime\"", StringComparison.Ordinal)));

    private static async Task WaitForAsync(ServiceProcess service, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            last = await service.GetAsync("/metrics");
            if (condition(last))
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"/metrics never reached the expected state:\n{last}\n--- service log ---\n{service.Stderr}");
    }

    private static async Task WaitForLogAsync(ServiceProcess service, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !service.Stderr.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(250);
        }

        Assert.Contains(text, service.Stderr, StringComparison.Ordinal);
        Assert.Contains("was not applied", service.Stderr, StringComparison.Ordinal);
    }
}
