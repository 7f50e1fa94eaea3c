using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Storage;

namespace Monitoring.Service.Exports.Alertmanager;

/// <summary>What Alertmanager should hold: every open alert as firing, and every alert closed within the last
/// <c>resolvedResend</c> as resolved. Each push sends all of it, so a push lost while Alertmanager was away is healed
/// by the next one, and re-sends of the same labels never duplicate.</summary>
/// <remarks>Not thread-safe: one pusher owns it.</remarks>
internal sealed class AlertmanagerState
{
    private readonly TimeSpan _resolvedResend;
    private readonly Dictionary<long, Alert> _firing = [];
    private readonly Dictionary<long, PostableAlert> _firingSent = [];
    private readonly Dictionary<string, (PostableAlert Alert, DateTimeOffset Until)> _resolved = new(StringComparer.Ordinal);

    public AlertmanagerState(TimeSpan resolvedResend) => _resolvedResend = resolvedResend;

    public int FiringCount => _firing.Count;

    /// <summary>Takes a change from the log.</summary>
    public void Apply(AlertChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        Set(change.Alert, now);
    }

    /// <summary>Takes an alert as it stands now (at start: every open alert from the store).</summary>
    public void Set(Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (_firingSent.TryGetValue(alert.Id, out var before))
        {
            var after = AlertmanagerPayload.Firing(alert);
            if (!alert.IsOpen || after.LabelKey != before.LabelKey)
            {
                // Its labels changed (the severity moved) or it closed: the old label set is another alert to
                // Alertmanager, which must be resolved rather than left to time out.
                Resolve(before with { EndsAt = now }, now);
            }
        }

        if (alert.IsOpen)
        {
            var firing = AlertmanagerPayload.Firing(alert);
            _firing[alert.Id] = alert;
            _firingSent[alert.Id] = firing;
            _resolved.Remove(firing.LabelKey);
            return;
        }

        _firing.Remove(alert.Id);
        _firingSent.Remove(alert.Id);
        var endsAt = alert.ResolvedAt ?? alert.LastModifiedAt;
        Resolve(AlertmanagerPayload.Resolved(alert, endsAt), now);
    }

    /// <summary>Everything to push now: firing alerts, then resolved ones still within their re-send time (older ones are forgotten).</summary>
    public IReadOnlyList<PostableAlert> Batch(DateTimeOffset now)
    {
        foreach (var gone in _resolved.Where(r => r.Value.Until <= now).Select(r => r.Key).ToList())
        {
            _resolved.Remove(gone);
        }

        var firing = _firingSent.Values.ToList();
        var firingKeys = firing.Select(f => f.LabelKey).ToHashSet(StringComparer.Ordinal);

        // An open alert with the same labels as a resolved one wins: Alertmanager would otherwise see both in one post.
        return [.. firing, .. _resolved.Values.Select(r => r.Alert).Where(r => !firingKeys.Contains(r.LabelKey))];
    }

    private void Resolve(PostableAlert resolved, DateTimeOffset now)
    {
        var until = (resolved.EndsAt ?? now) + _resolvedResend;
        if (until > now)
        {
            _resolved[resolved.LabelKey] = (resolved, until);
        }
    }
}
