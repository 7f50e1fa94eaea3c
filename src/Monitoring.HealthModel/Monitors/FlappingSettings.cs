namespace Monitoring.HealthModel.Monitors;

/// <summary>When a monitor counts as flapping.</summary>
/// <param name="MaxChanges">State changes within <paramref name="Window"/> at which the monitor is flapping (default 5).</param>
/// <param name="Window">The sliding window (default 10 minutes).</param>
/// <remarks>A flapping monitor keeps recording every change, but the health it shows holds at the worst state
/// it reached within the window and its alert stays open, so operators see one steady problem instead of an
/// alert raised and resolved every minute. It stops flapping once fewer changes fall in the window.</remarks>
public sealed record FlappingSettings(int MaxChanges = FlappingSettings.DefaultMaxChanges, TimeSpan? Window = null)
{
    public const int DefaultMaxChanges = 5;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    public TimeSpan EffectiveWindow => Window ?? DefaultWindow;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxChanges < 2)
        {
            problems.Add($"flapping max changes {MaxChanges} must be 2 or more");
        }

        if (EffectiveWindow <= TimeSpan.Zero)
        {
            problems.Add("flapping window must be more than zero");
        }

        return problems;
    }
}
