namespace Monitoring.Storage.HealthStores;

/// <summary>How long health data is kept (<c>Monitoring:Retention</c>).</summary>
/// <param name="StateChanges">The state history; default 30 days.</param>
/// <param name="ClosedAlerts">Alerts closed longer ago than this go, with their comments; default 30 days.</param>
/// <param name="ChangeLog">The alert change log's minimum age before pruning; a change also waits until every export
/// position (connector bookmarks, webhooks, Alertmanager) has passed it. Default 7 days.</param>
public sealed record HealthRetention(TimeSpan StateChanges, TimeSpan ClosedAlerts, TimeSpan ChangeLog)
{
    public static HealthRetention Default { get; } = new(TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(7));
}
