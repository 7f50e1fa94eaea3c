using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>One service run shared by the proxy fault cases: a plain-HTTP simulator, one
/// <see cref="FaultProxy"/> and one target per fault (each collected once while its proxy passes through),
/// and the healthy target. Cases on different targets need not wait for each other's recovery.</summary>
public sealed class ProxyFaultFixture : IAsyncLifetime
{
    /// <summary>Short, so "never answers" fails fast; the faults themselves must not depend on it.</summary>
    internal const int TimeoutSeconds = 3;

    /// <summary>The shortest inventory interval the configuration allows: a fault is seen within one.</summary>
    internal const int InventoryIntervalSeconds = 10;

    private readonly Dictionary<FaultProxyMode, FaultProxy> _proxies = [];
    private SimulatorProcess? _simulator;
    private FaultRun? _run;

    internal static FaultProxyMode[] Faults { get; } =
        [FaultProxyMode.NotXml, FaultProxyMode.Truncated, FaultProxyMode.ServiceUnavailable, FaultProxyMode.ConnectionReset, FaultProxyMode.NeverAnswers];

    internal FaultRun Run => _run ?? throw new InvalidOperationException("not started");

    internal FaultProxy Proxy(FaultProxyMode fault) => _proxies[fault];

    /// <summary>The target behind the proxy for <paramref name="fault"/>, e.g. <c>notxml</c>.</summary>
    internal static string TargetOf(FaultProxyMode fault) => fault.ToString().ToLowerInvariant();

    public async Task InitializeAsync()
    {
        _simulator = await Simulator.StartAsync([.. FaultRun.SmallModel, "-tls=false"]);
        foreach (var fault in Faults)
        {
            _proxies[fault] = await FaultProxy.StartAsync(_simulator.Endpoint.Url);
        }

        _run = await FaultRun.StartAsync(
            new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds },
            [.. Faults.Select(f => FaultRun.Target(TargetOf(f), _proxies[f].Url, _proxies[f].Thumbprint, TimeoutSeconds))]);
        await _run.WaitForAsync("every target collected once", TimeSpan.FromSeconds(60), m =>
            m.Pass(ServiceMetrics.Success, HealthyTarget.Name, "realtime") == 1 &&
            Faults.All(f => m.Pass(ServiceMetrics.Success, TargetOf(f), "inventory") == 1 && m.Pass(ServiceMetrics.Success, TargetOf(f), "realtime") == 1));
    }

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }

        foreach (var proxy in _proxies.Values)
        {
            await proxy.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
