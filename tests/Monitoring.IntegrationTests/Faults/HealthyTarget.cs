using Xunit;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>The second target of every fault test, straight to a simulator of its own: while the other
/// target is in trouble it must keep being collected. From <see cref="Begin"/> on, every scrape must show
/// its last realtime pass succeeded, and by the end its last success must have moved on.</summary>
internal sealed class HealthyTarget
{
    public const string Name = "healthy";

    private readonly Lock _lock = new();
    private ServiceMetrics? _begun;
    private double? _baseline;
    private double? _latest;
    private int _observed;

    /// <summary>Scrapes checked since <see cref="Begin"/>.</summary>
    public int Observed
    {
        get
        {
            lock (_lock)
            {
                return _observed;
            }
        }
    }

    /// <summary>True once a realtime pass has succeeded after <see cref="Begin"/>.</summary>
    public bool Advanced
    {
        get
        {
            lock (_lock)
            {
                return _latest > _baseline;
            }
        }
    }

    /// <summary>Starts watching from <paramref name="metrics"/>, in which the healthy target must already be collected.</summary>
    public void Begin(ServiceMetrics metrics)
    {
        var success = metrics.Pass(ServiceMetrics.Success, Name, "realtime");
        Assert.True(success == 1, $"the healthy target is not collected before the fault:\n{metrics}");
        lock (_lock)
        {
            _begun = metrics;
            _baseline = metrics.Pass(ServiceMetrics.LastSuccess, Name, "realtime");
            _latest = _baseline;
            _observed = 0;
        }
    }

    /// <summary>The healthy target's failed passes since <see cref="Begin"/> (none, when all is well).</summary>
    public Dictionary<string, double> ErrorsSinceBegin(ServiceMetrics metrics)
    {
        lock (_lock)
        {
            return _begun is null ? [] : metrics.NewErrors(_begun, Name);
        }
    }

    /// <summary>Checks one scrape (no-op before <see cref="Begin"/>).</summary>
    public void Observe(ServiceMetrics metrics)
    {
        lock (_lock)
        {
            if (_baseline is null)
            {
                return;
            }

            var success = metrics.Pass(ServiceMetrics.Success, Name, "realtime");
            Assert.True(success == 1, $"the healthy target's realtime pass failed while the other target was faulty:\n{string.Join('\n', metrics.Matching(ServiceMetrics.Errors))}\n{string.Join('\n', metrics.Matching(ServiceMetrics.Success))}");
            _latest = metrics.Pass(ServiceMetrics.LastSuccess, Name, "realtime");
            _observed++;
        }
    }
}
