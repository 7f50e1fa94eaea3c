namespace Monitoring.HealthModel.Monitors;

/// <summary>When a target that stops answering counts as unavailable.</summary>
/// <param name="CriticalAfter">How long polls must keep failing before the monitor turns critical (default 60 s,
/// so that with 20-second realtime polls the availability alert comes well within the contract's 2 minutes).</param>
public sealed record AvailabilitySettings(TimeSpan CriticalAfter)
{
    public static readonly TimeSpan DefaultCriticalAfter = TimeSpan.FromSeconds(60);

    public static AvailabilitySettings Default { get; } = new(DefaultCriticalAfter);

    public IReadOnlyList<string> Problems() =>
        CriticalAfter < TimeSpan.Zero || CriticalAfter > TimeSpan.FromDays(1)
            ? [$"critical after {CriticalAfter.TotalSeconds} s must be between 0 and 86400 seconds"]
            : [];
}
