using Monitoring.Storage.HealthStores;

namespace Monitoring.Storage;

/// <summary>How long each resolution of performance data is kept.</summary>
/// <param name="Raw">One-minute data; default 48 hours.</param>
/// <param name="Hourly">Hourly rollups; default 90 days.</param>
/// <param name="Daily">Daily rollups; default two years.</param>
public sealed record RetentionPolicy(TimeSpan Raw, TimeSpan Hourly, TimeSpan Daily)
{
    public static RetentionPolicy Default { get; } = new(TimeSpan.FromHours(48), TimeSpan.FromDays(90), TimeSpan.FromDays(730));

    /// <summary>How long the health data is kept (state history, closed alerts, the alert change log).</summary>
    public HealthRetention Health { get; init; } = HealthRetention.Default;

    /// <summary>How long a final PRO tip is kept after its last change; default 90 days (see <see cref="TipStores.TipPruning"/>).</summary>
    public TimeSpan FinalTips { get; init; } = TimeSpan.FromDays(Core.Configuration.RetentionOptions.DefaultFinalTipDays);
}
