using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Storage;

namespace Monitoring.Service.Collection;

/// <summary>One inventory pass over a set of targets, each stored as it completes.</summary>
/// <remarks>Targets run side by side up to a bound; one that fails or hangs is reported with its reason
/// and never holds up or fails the others.</remarks>
internal sealed class InventoryPass
{
    /// <summary>Targets polled at once: enough to overlap network waits, few enough not to flood the database.</summary>
    public const int MaxConcurrentTargets = 8;

    private readonly CollectorRegistry _collectors;
    private readonly InventoryStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<InventoryPass> _logger;
    private readonly IEnumerable<IPassObserver> _observers;

    public InventoryPass(CollectorRegistry collectors, InventoryStore store, IEnumerable<IPassObserver> observers, TimeProvider time, ILogger<InventoryPass> logger)
    {
        _collectors = collectors;
        _store = store;
        _observers = observers;
        _time = time;
        _logger = logger;
    }

    /// <param name="targets">The targets to poll.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    /// <param name="onTargetDone">Told each target's result as it completes (the command line's progress); may be null.</param>
    public async Task<IReadOnlyList<TargetResult>> RunAsync(IReadOnlyList<TargetDefinition> targets, CancellationToken cancellationToken, Action<TargetResult>? onTargetDone = null)
    {
        using var gate = new SemaphoreSlim(MaxConcurrentTargets);
        var tasks = targets.Select(async target =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await CollectOneAsync(target, cancellationToken).ConfigureAwait(false);
                onTargetDone?.Invoke(result);
                return result;
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>One target's pass, stored, with the observers told.</summary>
    public async Task<TargetResult> CollectOneAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = await CollectAndStoreAsync(target, cancellationToken).ConfigureAwait(false);
        foreach (var observer in _observers)
        {
            if (result.Snapshot is { } snapshot)
            {
                observer.OnInventory(snapshot);
            }

            observer.OnOutcome(new PassOutcome(result.Target, PassKind.Inventory, _time.GetUtcNow(), result.Duration, result.FailureKind, result.Error)
            {
                Gaps = result.Snapshot?.Gaps ?? [],
            });
        }

        return result;
    }

    private async Task<TargetResult> CollectAndStoreAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        try
        {
            var snapshot = await _collectors.For(target.Kind).CollectInventoryAsync(target, cancellationToken).ConfigureAwait(false);
            var changes = await _store.ApplyAsync(snapshot, startedAt, cancellationToken).ConfigureAwait(false);
            return new TargetResult(target.Name, _time.GetElapsedTime(started), snapshot, changes, null, null);
        }
        catch (TargetFailureException e)
        {
            ServiceLog.TargetFailed(_logger, target.Name, e.Kind, e.Message);
            await RecordFailureAsync(target, startedAt, e.Kind, e.Message, cancellationToken).ConfigureAwait(false);
            return new TargetResult(target.Name, _time.GetElapsedTime(started), null, null, e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug or an unforeseen reply in one target's pass must not take the others down with it.
            // The operator gets one line; the stack trace only with --verbose (debug level).
            var reason = $"unexpected {e.GetType().Name}: {e.Message}";
            ServiceLog.TargetCrashed(_logger, target.Name, reason);
            ServiceLog.TargetCrashDetails(_logger, e, target.Name);
            await RecordFailureAsync(target, startedAt, FailureKind.Protocol, reason, cancellationToken).ConfigureAwait(false);
            return new TargetResult(target.Name, _time.GetElapsedTime(started), null, null, FailureKind.Protocol, reason);
        }
    }

    private async Task RecordFailureAsync(TargetDefinition target, DateTimeOffset startedAt, FailureKind kind, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await _store.RecordFailureAsync(target.Name, startedAt, kind, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The failure itself is already reported to the operator; losing its history row is the lesser harm.
            ServiceLog.StatusNotStored(_logger, target.Name, e.Message);
        }
    }
}
