using Monitoring.HealthModel.Storage;

namespace Monitoring.HealthModel.Alerts;

/// <summary>Raises, repeats, resolves and changes alerts the way the operations manager does.</summary>
/// <remarks>A raise for an object and source that already has an open alert bumps its repeat count instead of
/// opening a duplicate. A monitor's alert follows its monitor's severity and closes itself when the monitor is
/// healthy again (resolved by "System"). Every change is kept as a comment, so the alert carries its history.</remarks>
public sealed class AlertTracker
{
    /// <summary>Who the tracker names when it changes an alert by itself.</summary>
    public const string SystemActor = "System";

    private readonly IAlertStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _openGate = new();

    // Inside a KnowOpenAlerts scope: the objects and sources with an open alert, read at the scope's first
    // auto-resolve (a later pass often has none) and kept current by this tracker's own raises. Outside a
    // scope every auto-resolve asks the store.
    private bool _inScope;
    private HashSet<(string ObjectId, string Source)>? _open;

    public AlertTracker(IAlertStore store, ResolutionStateCatalog resolutionStates, TimeProvider time)
    {
        _store = store;
        ResolutionStates = resolutionStates;
        _time = time;
    }

    public ResolutionStateCatalog ResolutionStates { get; }

    /// <summary>Opens a new alert, or counts a repeat of the open one.</summary>
    public Alert Raise(AlertRequest request, bool fromMonitor = false)
    {
        var now = _time.GetUtcNow();
        var open = _store.FindOpen(request.ObjectId, request.Source);
        if (open is null)
        {
            lock (_openGate)
            {
                _open?.Add((request.ObjectId, request.Source));
            }

            return _store.Add(new Alert
            {
                Name = request.Name,
                Description = request.Description,
                Severity = request.Severity,
                Priority = request.Priority,
                ObjectId = request.ObjectId,
                Source = request.Source,
                FromMonitor = fromMonitor,
                RaisedAt = now,
                LastModifiedAt = now,
            });
        }

        var repeated = open with { RepeatCount = open.RepeatCount + 1, Description = request.Description, LastModifiedAt = now };
        _store.Update(repeated);
        return repeated;
    }

    /// <summary>A monitor's state moved between warning and critical: the open alert follows, no repeat is counted.</summary>
    public Alert? ChangeSeverity(string objectId, string source, AlertSeverity severity, string description)
    {
        var open = _store.FindOpen(objectId, source);
        if (open is null || open.Severity == severity)
        {
            return open;
        }

        var now = _time.GetUtcNow();
        var changed = open with
        {
            Severity = severity,
            Description = description,
            LastModifiedAt = now,
            Comments = [.. open.Comments, new AlertComment(now, SystemActor, $"severity {open.Severity} -> {severity}: {description}")],
        };
        _store.Update(changed);
        return changed;
    }

    /// <summary>Closes the open alert of this object and source because its condition cleared; null when none is open.</summary>
    public Alert? AutoResolve(string objectId, string source, string cause)
    {
        lock (_openGate)
        {
            if (_inScope)
            {
                _open ??= [.. _store.List(includeClosed: false).Select(a => (a.ObjectId, a.Source))];
                if (!_open.Contains((objectId, source)))
                {
                    return null;
                }
            }
        }

        var open = _store.FindOpen(objectId, source);
        return open is null ? null : SetState(open, ResolutionState.Closed, SystemActor, $"auto-resolved: {cause}");
    }

    /// <summary>Reads at most once which objects and sources have an open alert; until the scope ends, an auto-resolve
    /// for one that has none asks the store nothing.</summary>
    /// <remarks>For a pass's worth of changes: the first pass over 20,000 VMs turns some 40,000 monitors from unknown
    /// to healthy, and each used to look for an alert to resolve in the database. The service opens alerts through
    /// this tracker, so none appears unseen during the scope; one closed elsewhere meanwhile (the command line) is
    /// looked up and found closed, as without the scope.</remarks>
    public IDisposable KnowOpenAlerts()
    {
        lock (_openGate)
        {
            _inScope = true;
            _open = null;
        }

        return new OpenAlertsScope(this);
    }

    public Alert Acknowledge(long id, string by, string? comment = null) =>
        SetResolutionState(id, ResolutionState.Acknowledged.Value, by, comment);

    public Alert Close(long id, string by, string? comment = null) =>
        SetResolutionState(id, ResolutionState.Closed.Value, by, comment);

    /// <exception cref="AlertOperationException">No such alert, the state is not defined, or the alert is closed
    /// (a closed alert stays closed: a new raise opens a new alert).</exception>
    public Alert SetResolutionState(long id, int state, string by, string? comment = null)
    {
        var alert = Find(id);
        if (!ResolutionStates.IsDefined(state))
        {
            throw new AlertOperationException(
                $"Resolution state {state} is not defined; defined: {string.Join(", ", ResolutionStates.All.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}.");
        }

        if (!alert.IsOpen)
        {
            throw new AlertOperationException($"Alert {id} is closed (by {alert.ResolvedBy} at {alert.ResolvedAt:u}); a closed alert cannot change.", AlertOperationFailure.Closed);
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment;
        return SetState(alert, new ResolutionState((byte)state), by, text);
    }

    public Alert AssignOwner(long id, string owner, string by)
    {
        var alert = Find(id);
        var now = _time.GetUtcNow();
        var changed = alert with
        {
            Owner = owner,
            LastModifiedAt = now,
            Comments = [.. alert.Comments, new AlertComment(now, by, $"owner: {owner}")],
        };
        _store.Update(changed);
        return changed;
    }

    public Alert AddComment(long id, string author, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new AlertOperationException("A comment needs some text.");
        }

        var alert = Find(id);
        var now = _time.GetUtcNow();
        var changed = alert with { LastModifiedAt = now, Comments = [.. alert.Comments, new AlertComment(now, author, text)] };
        _store.Update(changed);
        return changed;
    }

    public Alert? Get(long id) => _store.Find(id);

    public IReadOnlyList<Alert> List(bool includeClosed = false) => _store.List(includeClosed);

    private Alert Find(long id) => _store.Find(id) ?? throw new AlertOperationException($"There is no alert {id}.", AlertOperationFailure.NotFound);

    private Alert SetState(Alert alert, ResolutionState state, string by, string? comment)
    {
        var now = _time.GetUtcNow();
        var note = $"resolution state {ResolutionStates.NameOf(alert.ResolutionState)} -> {ResolutionStates.NameOf(state)}" + (comment is null ? string.Empty : $": {comment}");
        var changed = alert with
        {
            ResolutionState = state,
            LastModifiedAt = now,
            ResolvedAt = state.IsClosed ? now : alert.ResolvedAt,
            ResolvedBy = state.IsClosed ? by : alert.ResolvedBy,
            Comments = [.. alert.Comments, new AlertComment(now, by, note)],
        };
        _store.Update(changed);
        return changed;
    }

    private sealed class OpenAlertsScope(AlertTracker tracker) : IDisposable
    {
        public void Dispose()
        {
            lock (tracker._openGate)
            {
                tracker._inScope = false;
                tracker._open = null;
            }
        }
    }
}
