using System.Collections.Concurrent;
using Monitoring.Core.Collection;

namespace Monitoring.Service.Scheduling;

/// <summary>The targets as currently configured. Jobs look their target up here on every run, so a
/// changed password or address takes effect at the next poll without a restart.</summary>
internal sealed class TargetDirectory
{
    private readonly ConcurrentDictionary<string, TargetDefinition> _targets = new(StringComparer.Ordinal);

    public TargetDirectory(IReadOnlyList<TargetDefinition> initial) => Replace(initial);

    public IReadOnlyCollection<TargetDefinition> All => [.. _targets.Values];

    public TargetDefinition? Find(string name) => _targets.TryGetValue(name, out var target) ? target : null;

    /// <summary>Replaces the whole set; returns the names that were removed.</summary>
    public IReadOnlyList<string> Replace(IReadOnlyList<TargetDefinition> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var names = targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var removed = _targets.Keys.Where(k => !names.Contains(k)).ToList();
        foreach (var name in removed)
        {
            _targets.TryRemove(name, out _);
        }

        foreach (var target in targets)
        {
            _targets[target.Name] = target;
        }

        return removed;
    }
}
