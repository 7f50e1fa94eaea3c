using System.Collections.Concurrent;

namespace Monitoring.Service.Collection;

/// <summary>The latest outcome of each pass of each target, and when each last succeeded: what the
/// collector's own metrics and the readiness check report.</summary>
internal sealed class CollectorStatus
{
    private readonly ConcurrentDictionary<(string Target, PassKind Kind), PassOutcome> _latest = new();
    private readonly ConcurrentDictionary<(string Target, PassKind Kind), DateTimeOffset> _lastSuccess = new();

    public void Record(PassOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _latest[(outcome.Target, outcome.Kind)] = outcome;
        if (outcome.Succeeded)
        {
            _lastSuccess[(outcome.Target, outcome.Kind)] = outcome.FinishedAt;
        }
    }

    public IReadOnlyList<PassOutcome> Latest() => [.. _latest.Values];

    public DateTimeOffset? LastSuccess(string target, PassKind kind) =>
        _lastSuccess.TryGetValue((target, kind), out var at) ? at : null;

    /// <summary>Forgets a target removed from the configuration.</summary>
    public void Forget(string target)
    {
        foreach (var key in _latest.Keys.Where(k => k.Target == target))
        {
            _latest.TryRemove(key, out _);
            _lastSuccess.TryRemove(key, out _);
        }
    }
}
