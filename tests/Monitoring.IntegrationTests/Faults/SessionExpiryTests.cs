using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>Session expiry forced on the simulator (sessions idle for 3 s are dropped) with realtime passes
/// 8 s apart: every pass finds its session gone, logs in again and succeeds: no failed pass, no gap.</summary>
public sealed class SessionExpiryTests
{
    private readonly ITestOutputHelper _output;

    public SessionExpiryTests(ITestOutputHelper output) => _output = output;

    private const string Expiring = "expiring";

    [Fact]
    public async Task Run_SessionExpiresBetweenPasses_LogsInAgainWithoutAFailedPass()
    {
        await using var simulator = await Simulator.StartAsync([.. FaultRun.SmallModel, "-session-idle", "3"]);
        await using var run = await FaultRun.StartAsync(
            new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 8, InventoryIntervalSeconds = 600 },
            FaultRun.Target(Expiring, simulator.Endpoint.Url, simulator.Endpoint.Thumbprint, 10));
        var first = await run.WaitForAsync("both targets collected", TimeSpan.FromSeconds(60), m =>
            m.Pass(ServiceMetrics.Success, HealthyTarget.Name, "realtime") == 1 &&
            m.Pass(ServiceMetrics.Success, Expiring, "realtime") == 1 &&
            m.Pass(ServiceMetrics.Success, Expiring, "inventory") == 1);
        run.Healthy.Begin(first);
        var logins = first.RequestsOf(Expiring, "Login");
        var firstSuccess = first.Pass(ServiceMetrics.LastSuccess, Expiring, "realtime");

        // From here every scrape must show the expiring target's last realtime pass succeeded.
        var renewed = await run.WaitForAsync("two more logins, each after an expired session", TimeSpan.FromSeconds(45), m =>
        {
            Assert.True(m.Pass(ServiceMetrics.Success, Expiring, "realtime") == 1, m.Text);
            Assert.Empty(m.NewErrors(first, Expiring));
            return m.RequestsOf(Expiring, "Login") >= logins + 2 && m.Pass(ServiceMetrics.LastSuccess, Expiring, "realtime") > firstSuccess;
        });

        Assert.True(renewed.RequestsOf(Expiring, "Login") > 1);
        _output.WriteLine($"Login requests: {renewed.RequestsOf(Expiring, "Login")}; healthy target: {renewed.RequestsOf(HealthyTarget.Name, "Login")}");
        _output.WriteLine(string.Join('\n', run.LogLines(Expiring, "expired")));
        Assert.Contains($"Target {Expiring}: the session expired", run.Service.Stderr, StringComparison.Ordinal);
        await run.AssertHealthyAsync();
        Assert.Equal(0, await run.StopAsync());
    }
}
