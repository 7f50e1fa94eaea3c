namespace Monitoring.Core.Collection;

/// <summary>The one visible place that says which collector reads which kind of target.</summary>
/// <remarks>Explicit registration, no assembly scanning: a reader sees every source in one list.</remarks>
public sealed class CollectorRegistry
{
    private readonly Dictionary<TargetKind, IInventoryCollector> _collectors = [];

    public CollectorRegistry(IEnumerable<IInventoryCollector> collectors)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        foreach (var collector in collectors)
        {
            if (!_collectors.TryAdd(collector.Kind, collector))
            {
                throw new ArgumentException($"Two collectors registered for {collector.Kind}.", nameof(collectors));
            }
        }
    }

    /// <summary>The collector for <paramref name="kind"/>.</summary>
    /// <exception cref="TargetFailureException">This build has none for that kind.</exception>
    public IInventoryCollector For(TargetKind kind) =>
        _collectors.TryGetValue(kind, out var collector)
            ? collector
            : throw new TargetFailureException(
                FailureKind.Unsupported,
                $"this build has no collector for Kind {kind} yet; only {string.Join(", ", _collectors.Keys)} targets can be collected");
}
