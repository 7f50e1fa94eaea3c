using System.Diagnostics;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>A reply that is not XML, a truncated reply, HTTP 503, a connection reset and a server that
/// never answers, each injected by a <see cref="FaultProxy"/> in front of a real simulator while the
/// service runs: a clean failure of that target alone, of the right kind, in bounded time; nothing
/// stored about it changes; the service stays up and the healthy target keeps being collected; once
/// replies pass through again, the target is collected again.</summary>
public sealed class ProxyFaultTests : IClassFixture<ProxyFaultFixture>
{
    private readonly ProxyFaultFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ProxyFaultTests(ProxyFaultFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Theory]
    [InlineData(nameof(FaultProxyMode.NotXml), "protocol")]
    [InlineData(nameof(FaultProxyMode.Truncated), "protocol")]
    [InlineData(nameof(FaultProxyMode.ServiceUnavailable), "protocol")]
    [InlineData(nameof(FaultProxyMode.ConnectionReset), "unreachable")]
    [InlineData(nameof(FaultProxyMode.NeverAnswers), "timeout")]
    public async Task Run_ReplyFaultOnOneTarget_FailsItCleanlyKeepsItsInventoryThenRecovers(string faultName, string kind)
    {
        var fault = Enum.Parse<FaultProxyMode>(faultName);
        var run = _fixture.Run;
        var proxy = _fixture.Proxy(fault);
        var target = ProxyFaultFixture.TargetOf(fault);
        var before = await run.ScrapeAsync();
        run.Healthy.Begin(before);
        Assert.Equal(1, before.Pass(ServiceMetrics.Success, target, "inventory"));
        var errorsBefore = before.ErrorsOf(target, "inventory", kind);
        var realtimeErrorsBefore = before.ErrorsOf(target, "realtime", kind);

        // The rows as the last good pass left them; the fault goes on right after.
        var dumpedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var stored = await TargetRows.ReadAsync(run.DatabasePath, target);
        Assert.Contains($"{target}/vm-", stored, StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        proxy.Set(FaultProxy.RetrievePropertiesEx, fault);
        try
        {
            var failed = await run.WaitForAsync($"a failed inventory pass of {target} ({kind})", TimeSpan.FromSeconds(30), m =>
                m.Pass(ServiceMetrics.Success, target, "inventory") == 0 && m.ErrorsOf(target, "inventory", kind) > errorsBefore);
            var detected = clock.Elapsed;

            // Bounded: seen within one inventory interval plus the per-operation timeout (and scrape slack),
            // and the failed pass itself took no longer than the timeout plus the view's clean-up.
            Assert.InRange(detected.TotalSeconds, 0, ProxyFaultFixture.InventoryIntervalSeconds + ProxyFaultFixture.TimeoutSeconds + 5);
            var duration = failed.Pass(ServiceMetrics.Duration, target, "inventory")!.Value;
            Assert.InRange(duration, 0, ProxyFaultFixture.TimeoutSeconds + 2);
            if (fault == FaultProxyMode.NeverAnswers)
            {
                Assert.InRange(duration, ProxyFaultFixture.TimeoutSeconds - 0.2, ProxyFaultFixture.TimeoutSeconds + 2);
            }

            Assert.True(proxy.Faulted(FaultProxy.RetrievePropertiesEx) > 0);
            _output.WriteLine($"{target}: failed pass seen {detected.TotalSeconds:0.0} s after the switch; the pass took {duration:0.00} s; {proxy.Faulted(FaultProxy.RetrievePropertiesEx)} faulted requests");
            _output.WriteLine(string.Join('\n', run.LogLines(target, "failed").Take(2)));
            run.AssertNoCrash(target);

            // A pass that had read everything before the switch may have finished storing after the dump;
            // from the first failed pass on nothing writes (passes of a target never overlap), so then the
            // rows to keep are the ones stored now, and one more failed pass must leave them alone.
            if (failed.Pass(ServiceMetrics.LastSuccess, target, "inventory") >= dumpedAt)
            {
                stored = await TargetRows.ReadAsync(run.DatabasePath, target);
                var errorsNow = failed.ErrorsOf(target, "inventory", kind);
                await run.WaitForAsync($"another failed inventory pass of {target}", TimeSpan.FromSeconds(30), m => m.ErrorsOf(target, "inventory", kind) > errorsNow);
            }

            Assert.Equal(stored, await TargetRows.ReadAsync(run.DatabasePath, target));
            var (succeeded, failureKind) = await TargetRows.LastPassAsync(run.DatabasePath, target);
            Assert.False(succeeded);
            Assert.Equal(kind, failureKind?.ToLowerInvariant());

            // Its realtime passes fail the same way; once replies pass through again it is collected again
            // (the pooled session and connections survive the fault).
            var realtimeFailed = await run.WaitForAsync($"a failed realtime pass of {target} ({kind})", TimeSpan.FromSeconds(20), m =>
                m.Pass(ServiceMetrics.Success, target, "realtime") == 0 && m.ErrorsOf(target, "realtime", kind) > realtimeErrorsBefore);
            Assert.All(realtimeFailed.NewErrors(before, target).Keys, k => Assert.EndsWith($"/{kind}", k, StringComparison.Ordinal));
            proxy.Clear();
            await run.WaitForAsync($"{target} collected again", TimeSpan.FromSeconds(20), m =>
                m.Pass(ServiceMetrics.Success, target, "realtime") == 1 &&
                m.Pass(ServiceMetrics.LastSuccess, target, "realtime") > realtimeFailed.Pass(ServiceMetrics.LastSuccess, target, "realtime"));
            await run.AssertHealthyAsync();

            // The healthy target's inventory passes went on too.
            var after = await run.ScrapeAsync();
            Assert.Equal(1, after.Pass(ServiceMetrics.Success, HealthyTarget.Name, "inventory"));
        }
        finally
        {
            proxy.Clear();
        }
    }
}
