namespace Monitoring.Remediation.Tips;

/// <summary>Raises, refreshes, closes and moves tips through their statuses; every transition is kept in
/// the tip's history with who or what did it and when.</summary>
/// <remarks>Every operation reads, changes and writes under one lock, so that two writers in one process (a
/// balancer pass closing a tip while an operator implements it) take turns and neither loses a transition.
/// Another process (the command line) is held off by the store's own check (the database store refuses an
/// update whose tip changed since it was read).</remarks>
public sealed class TipLifecycle
{
    private readonly ITipStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public TipLifecycle(ITipStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Takes the conditions one pass found within <paramref name="scope"/> (a condition-key
    /// prefix such as <c>balance/vc01/domain-c7/</c>): a new condition raises a tip, a known one refreshes
    /// its open tip (no duplicate), and an Active tip in the scope whose condition was not found again is
    /// Closed by <paramref name="by"/>.</summary>
    /// <returns>The tips raised by this call.</returns>
    public IReadOnlyList<Tip> Reconcile(string scope, IReadOnlyList<TipCandidate> found, string by)
    {
        lock (_gate)
        {
            return ReconcileLocked(scope, found, by);
        }
    }

    private List<Tip> ReconcileLocked(string scope, IReadOnlyList<TipCandidate> found, string by)
    {
        ArgumentNullException.ThrowIfNull(found);
        var now = _time.GetUtcNow();
        var raised = new List<Tip>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in found)
        {
            if (!seen.Add(candidate.ConditionKey))
            {
                continue;
            }

            var open = _store.FindOpen(candidate.ConditionKey);
            if (open is null)
            {
                var tip = new Tip
                {
                    Id = Guid.NewGuid().ToString("N")[..12],
                    ConditionKey = candidate.ConditionKey,
                    Target = candidate.Target,
                    HostGroup = candidate.HostGroup,
                    Action = candidate.Action,
                    Summary = candidate.Summary,
                    Details = candidate.Details,
                    Cause = candidate.Cause,
                    ExpectedEffect = candidate.ExpectedEffect,
                    Priority = candidate.Priority,
                    Severity = candidate.Severity,
                    RaisedAt = now,
                    UpdatedAt = now,
                };
                tip.History.Add(new TipTransition(now, TipStatus.Active, candidate.Source, candidate.Summary));
                _store.Add(tip);
                raised.Add(tip);
            }
            else if (open.Status == TipStatus.Active && (!open.Action.SameAs(candidate.Action) || open.Severity != candidate.Severity))
            {
                // The same condition with a better fix now (another destination): the tip follows it.
                open.Action = candidate.Action;
                open.Summary = candidate.Summary;
                open.Details = candidate.Details;
                open.ExpectedEffect = candidate.ExpectedEffect;
                open.Priority = candidate.Priority;
                open.Severity = candidate.Severity;
                open.UpdatedAt = now;
                open.History.Add(new TipTransition(now, TipStatus.Active, candidate.Source, $"updated: {candidate.Summary}"));
                _store.Update(open);
            }
        }

        foreach (var stale in _store.OpenWithPrefix(scope).Where(t => t.Status == TipStatus.Active && !seen.Contains(t.ConditionKey)))
        {
            try
            {
                Move(stale, TipStatus.Closed, by, "the condition cleared", now);
            }
            catch (TipOperationException e) when (!e.NotFound)
            {
                // Another process implemented or dismissed it meanwhile: its transition stands.
            }
        }

        return raised;
    }

    /// <summary>An operator (or the engine, <paramref name="automatic"/>) asks for the fix.</summary>
    public Tip Implement(string id, string by, bool automatic = false)
    {
        lock (_gate)
        {
            return ImplementLocked(id, by, automatic);
        }
    }

    private Tip ImplementLocked(string id, string by, bool automatic)
    {
        var tip = Open(id, "implemented");
        if (tip.Status != TipStatus.Active)
        {
            throw new TipOperationException($"tip {id} is {tip.Status}: its implementation is already under way", notFound: false);
        }

        tip.Automatic = automatic;
        return Move(tip, TipStatus.Initialized, by, automatic ? "implemented automatically" : "implementation requested", _time.GetUtcNow());
    }

    public Tip Dismiss(string id, string by)
    {
        lock (_gate)
        {
            return DismissLocked(id, by);
        }
    }

    private Tip DismissLocked(string id, string by)
    {
        var tip = Open(id, "dismissed");
        if (tip.Status != TipStatus.Active)
        {
            throw new TipOperationException($"tip {id} is {tip.Status}: a tip being implemented cannot be dismissed", notFound: false);
        }

        return Move(tip, TipStatus.Dismissed, by, null, _time.GetUtcNow());
    }

    /// <summary>The action started on the target.</summary>
    public Tip Start(string id, string by, string? note)
    {
        lock (_gate)
        {
            return Move(Expect(id, TipStatus.Initialized), TipStatus.Running, by, note, _time.GetUtcNow());
        }
    }

    /// <summary>A progress note of a running action (e.g. "task-123 started"): kept in the history, status unchanged.</summary>
    public Tip Note(string id, string by, string note)
    {
        lock (_gate)
        {
            return Move(Expect(id, TipStatus.Running), TipStatus.Running, by, note, _time.GetUtcNow());
        }
    }

    /// <summary>A remark in an open tip's history, its status unchanged (why automatic mode waits, an alert copy
    /// attached), written under the same lock as every transition so it never races one. Nothing is written when
    /// the tip is unknown or final, or when <paramref name="applies"/> (asked under the lock) says no.</summary>
    /// <returns>The tip as it is now, or null when it is unknown.</returns>
    public Tip? Remark(string id, string by, string note, Func<Tip, bool> applies)
    {
        ArgumentNullException.ThrowIfNull(applies);
        lock (_gate)
        {
            var tip = _store.Find(id);
            if (tip is not null && !tip.Status.IsFinal() && applies(tip))
            {
                tip.History.Add(new TipTransition(_time.GetUtcNow(), tip.Status, by, note));
                _store.Update(tip);
            }

            return tip;
        }
    }

    /// <summary>The action finished: Resolved, or Failed with the target's reason.</summary>
    public Tip Finish(string id, bool succeeded, string by, string result)
    {
        lock (_gate)
        {
            return FinishLocked(id, succeeded, by, result);
        }
    }

    private Tip FinishLocked(string id, bool succeeded, string by, string result)
    {
        var tip = Get(id);
        if (tip.Status is not (TipStatus.Initialized or TipStatus.Running))
        {
            throw new TipOperationException($"tip {id} is {tip.Status}, not being implemented", notFound: false);
        }

        tip.Result = result;
        return Move(tip, succeeded ? TipStatus.Resolved : TipStatus.Failed, by, result, _time.GetUtcNow());
    }

    public Tip Get(string id) =>
        _store.Find(id) ?? throw new TipOperationException($"no tip {id}", notFound: true);

    private Tip Open(string id, string verb)
    {
        var tip = Get(id);
        if (tip.Status.IsFinal())
        {
            throw new TipOperationException($"tip {id} is {tip.Status} (final) and cannot be {verb}", notFound: false);
        }

        return tip;
    }

    private Tip Expect(string id, TipStatus status)
    {
        var tip = Get(id);
        if (tip.Status != status)
        {
            throw new TipOperationException($"tip {id} is {tip.Status}, not {status}", notFound: false);
        }

        return tip;
    }

    private Tip Move(Tip tip, TipStatus status, string by, string? note, DateTimeOffset now)
    {
        tip.Status = status;
        tip.UpdatedAt = now;
        tip.History.Add(new TipTransition(now, status, by, note));
        _store.Update(tip);
        return tip;
    }
}
