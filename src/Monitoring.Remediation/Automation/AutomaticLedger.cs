namespace Monitoring.Remediation.Automation;

/// <summary>When automatic mode started an implementation, per host group: what the per-hour limit counts.
/// The hour slides: a start older than an hour no longer counts.</summary>
/// <remarks>The service fills it at start from the stored tips (their history says when each automatic
/// implementation began), so a restart does not reset the limit.</remarks>
public sealed class AutomaticLedger
{
    private readonly Dictionary<string, List<DateTimeOffset>> _starts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The key a tip without a host group counts under.</summary>
    public static string GroupOf(string? hostGroup) => hostGroup ?? string.Empty;

    public void Record(string? hostGroup, DateTimeOffset at)
    {
        lock (_gate)
        {
            var key = GroupOf(hostGroup);
            if (!_starts.TryGetValue(key, out var starts))
            {
                _starts[key] = starts = [];
            }

            starts.Add(at);
        }
    }

    /// <summary>Starts in the host group after <paramref name="since"/>, oldest first: a start exactly an hour old has
    /// left the hour, so the next may begin at the time the limit's message names.</summary>
    public IReadOnlyList<DateTimeOffset> Since(string? hostGroup, DateTimeOffset since)
    {
        lock (_gate)
        {
            return _starts.TryGetValue(GroupOf(hostGroup), out var starts)
                ? [.. starts.Where(s => s > since).Order()]
                : [];
        }
    }

    /// <summary>Forgets starts before <paramref name="before"/> (they count no more).</summary>
    public void Prune(DateTimeOffset before)
    {
        lock (_gate)
        {
            foreach (var starts in _starts.Values)
            {
                starts.RemoveAll(s => s < before);
            }
        }
    }
}
