namespace Monitoring.Service.Exports;

/// <summary>Exponential backoff: <see cref="First"/>, doubling per failed attempt, at most <see cref="Max"/>.</summary>
internal static class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure in a row (1 -> 1 s, 2 -> 2 s, 3 -> 4 s ...).</summary>
    public static TimeSpan After(int failedAttempts, TimeSpan? max = null)
    {
        var cap = max ?? Max;
        if (failedAttempts <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^30 s is far past any cap: clamp the exponent so the arithmetic cannot overflow.
        var seconds = First.TotalSeconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return seconds >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(seconds);
    }
}
