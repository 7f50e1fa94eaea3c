namespace Monitoring.Service.Scheduling;

/// <summary>Spreads targets' first polls over a window so a hundred targets do not all poll in step
/// (and keep their spacing afterwards, since each job then repeats at a fixed interval).</summary>
/// <remarks>The offset comes from a hash of the target's name, not a random number: a restart keeps each
/// target at the same place in the cycle, which keeps load on a shared vCenter predictable.</remarks>
internal static class Splay
{
    public static TimeSpan For(string target, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(target);
        // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in target)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return TimeSpan.FromTicks((long)(window.Ticks * (hash / (double)uint.MaxValue)));
    }
}
