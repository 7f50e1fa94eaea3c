using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Performance;
using Monitoring.Storage.Records;

namespace Monitoring.Service.Collection;

/// <summary>One realtime pass of one target: read samples, fold them into minute averages, hand the
/// minutes that changed to the write buffer (upserts), and tell the observers.</summary>
internal sealed class PerformancePass
{
    /// <summary>How long after a minute ends its last samples may still arrive (vCenter publishes
    /// realtime samples with a delay of up to about one interval).</summary>
    private static readonly TimeSpan s_reportingDelay = TimeSpan.FromSeconds(60);

    private readonly CollectorRegistry _collectors;
    private readonly SampleBuffer _buffer;
    private readonly IEnumerable<IPassObserver> _observers;
    private readonly TimeProvider _time;
    private readonly ILogger<PerformancePass> _logger;
    private readonly Dictionary<string, MinuteAggregator> _aggregators = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public PerformancePass(CollectorRegistry collectors, SampleBuffer buffer, IEnumerable<IPassObserver> observers, TimeProvider time, ILogger<PerformancePass> logger)
    {
        _collectors = collectors;
        _buffer = buffer;
        _observers = observers;
        _time = time;
        _logger = logger;
    }

    public async Task<PassOutcome> RunAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var started = _time.GetTimestamp();
        PassOutcome outcome;
        try
        {
            var batch = await _collectors.PerformanceFor(target.Kind).CollectRealtimeAsync(target, cancellationToken).ConfigureAwait(false);

            // The observers (the /metrics series above all) read the same samples as the aggregation and
            // change nothing in them, so they run beside it on another core; the flusher starts writing as
            // soon as the minutes are buffered. A failing observer still fails the pass, as before.
            var observing = Task.Run(() => TellObservers(batch), CancellationToken.None);
            try
            {
                var changed = Aggregate(target.Name, batch);
                _buffer.Add(changed.Select(ToRecord));
            }
            finally
            {
                await observing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await observing.ConfigureAwait(false);

            outcome = new PassOutcome(target.Name, PassKind.Realtime, _time.GetUtcNow(), _time.GetElapsedTime(started), null, null);
            ServiceLog.PassSucceeded(_logger, target.Name, PassKind.Realtime, outcome.Duration.TotalSeconds);
        }
        catch (TargetFailureException e)
        {
            ServiceLog.TargetFailed(_logger, target.Name, e.Kind, e.Message);
            outcome = new PassOutcome(target.Name, PassKind.Realtime, _time.GetUtcNow(), _time.GetElapsedTime(started), e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = $"unexpected {e.GetType().Name}: {e.Message}";
            ServiceLog.TargetCrashed(_logger, target.Name, reason);
            ServiceLog.TargetCrashDetails(_logger, e, target.Name);
            outcome = new PassOutcome(target.Name, PassKind.Realtime, _time.GetUtcNow(), _time.GetElapsedTime(started), FailureKind.Protocol, reason);
        }

        foreach (var observer in _observers)
        {
            observer.OnOutcome(outcome);
        }

        return outcome;
    }

    /// <summary>Forgets a target taken out of the configuration.</summary>
    public void Forget(string target)
    {
        lock (_lock)
        {
            _aggregators.Remove(target);
        }
    }

    private void TellObservers(Core.Model.PerformanceBatch batch)
    {
        foreach (var observer in _observers)
        {
            observer.OnRealtime(batch);
        }
    }

    private IReadOnlyList<MinuteAggregate> Aggregate(string target, Core.Model.PerformanceBatch batch)
    {
        lock (_lock)
        {
            if (!_aggregators.TryGetValue(target, out var aggregator))
            {
                aggregator = new MinuteAggregator();
                _aggregators[target] = aggregator;
            }

            aggregator.Add(batch.Samples);
            aggregator.Retain(ObjectIds(batch.Samples));
            return aggregator.TakeChanges(_time.GetUtcNow() - s_reportingDelay);
        }
    }

    /// <summary>The objects the samples are about. A source hands out each object's samples together, so a
    /// repeat of the previous sample's id is skipped before it costs a hash lookup.</summary>
    private static HashSet<string> ObjectIds(IReadOnlyList<Core.Model.PerformanceSample> samples)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var sample in samples)
        {
            if (!ReferenceEquals(sample.ObjectId, previous))
            {
                previous = sample.ObjectId;
                ids.Add(previous);
            }
        }

        return ids;
    }

    private static MinuteSampleRecord ToRecord(MinuteAggregate a) => new()
    {
        ObjectId = a.ObjectId,
        Metric = a.Metric,
        Timestamp = a.MinuteStart,
        Average = a.Average,
        Minimum = a.Minimum,
        Maximum = a.Maximum,
        Count = a.Count,
    };
}
