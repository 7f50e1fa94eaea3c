namespace Monitoring.Core.Collection;

/// <summary>The one visible place that says which collector reads which kind of target.</summary>
/// <remarks>Explicit registration, no assembly scanning: a reader sees every source in one list.</remarks>
public sealed class CollectorRegistry
{
    private readonly Dictionary<TargetKind, IInventoryCollector> _inventory;
    private readonly Dictionary<TargetKind, IPerformanceCollector> _performance;

    public CollectorRegistry(IEnumerable<IInventoryCollector> inventory, IEnumerable<IPerformanceCollector> performance)
    {
        _inventory = Index(inventory, c => c.Kind);
        _performance = Index(performance, c => c.Kind);
    }

    /// <summary>The inventory collector for <paramref name="kind"/>.</summary>
    /// <exception cref="TargetFailureException">This build has none for that kind.</exception>
    public IInventoryCollector For(TargetKind kind) =>
        _inventory.TryGetValue(kind, out var collector) ? collector : throw Unsupported(kind, "inventory", _inventory.Keys);

    /// <summary>The realtime performance collector for <paramref name="kind"/>.</summary>
    /// <exception cref="TargetFailureException">This build has none for that kind.</exception>
    public IPerformanceCollector PerformanceFor(TargetKind kind) =>
        _performance.TryGetValue(kind, out var collector) ? collector : throw Unsupported(kind, "performance", _performance.Keys);

    private static Dictionary<TargetKind, T> Index<T>(IEnumerable<T> collectors, Func<T, TargetKind> kindOf)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        var index = new Dictionary<TargetKind, T>();
        foreach (var collector in collectors)
        {
            if (!index.TryAdd(kindOf(collector), collector))
            {
                throw new ArgumentException($"Two {typeof(T).Name} registered for {kindOf(collector)}.", nameof(collectors));
            }
        }

        return index;
    }

    private static TargetFailureException Unsupported(TargetKind kind, string what, IEnumerable<TargetKind> available) =>
        new(FailureKind.Unsupported, $"this build has no {what} collector for Kind {kind} yet; available: {string.Join(", ", available)}");
}
