using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>A slow target: the simulator delays every <c>RetrievePropertiesEx</c> by 5 s and the target's
/// per-operation timeout is 2 s. Its passes fail as timeouts, each after about 2 s and never more than a
/// few; nothing is stored for it; the other target is unaffected.</summary>
public sealed class SlowTargetTests
{
    private readonly ITestOutputHelper _output;

    public SlowTargetTests(ITestOutputHelper output) => _output = output;

    private const string Slow = "slow";
    private const int TimeoutSeconds = 2;

    [Fact]
    public async Task Run_TargetSlowerThanItsTimeout_FailsAsTimeoutInBoundedTimeOthersUnaffected()
    {
        await using var simulator = await Simulator.StartAsync([.. FaultRun.SmallModel, "-method-delay", "RetrievePropertiesEx:5000"]);
        await using var run = await FaultRun.StartAsync(
            new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 10 },
            FaultRun.Target(Slow, simulator.Endpoint.Url, simulator.Endpoint.Thumbprint, TimeoutSeconds));
        var start = await run.WaitForAsync("the healthy target collected", TimeSpan.FromSeconds(60), m => m.Pass(ServiceMetrics.Success, HealthyTarget.Name, "realtime") == 1);
        run.Healthy.Begin(start);

        // Two failed passes of each kind: the target keeps failing cleanly, it does not hang.
        var failed = await run.WaitForAsync("the slow target's passes timing out", TimeSpan.FromSeconds(45), m =>
            m.ErrorsOf(Slow, "inventory", "timeout") >= 2 && m.ErrorsOf(Slow, "realtime", "timeout") >= 2);
        foreach (var pass in new[] { "inventory", "realtime" })
        {
            Assert.Equal(0, failed.Pass(ServiceMetrics.Success, Slow, pass));
            Assert.Null(failed.Pass(ServiceMetrics.LastSuccess, Slow, pass));

            // The 2 s timeout, plus the session set-up of a first pass and the view's clean-up; far from the 5 s delay.
            Assert.InRange(failed.Pass(ServiceMetrics.Duration, Slow, pass)!.Value, TimeoutSeconds - 0.2, TimeoutSeconds + 2);
        }

        _output.WriteLine($"pass durations: inventory {failed.Pass(ServiceMetrics.Duration, Slow, "inventory"):0.00} s, realtime {failed.Pass(ServiceMetrics.Duration, Slow, "realtime"):0.00} s");
        _output.WriteLine(string.Join('\n', run.LogLines(Slow, "failed").Take(2)));
        run.AssertNoCrash(Slow);
        Assert.All(failed.NewErrors(start, Slow).Keys, k => Assert.EndsWith("/timeout", k, StringComparison.Ordinal));
        Assert.Equal(0, await TargetRows.CountAsync(run.DatabasePath, Slow));
        await run.AssertHealthyAsync();
        Assert.Equal(0, await run.StopAsync());
    }
}
