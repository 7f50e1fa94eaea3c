using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Alerts;

/// <summary>Raises and closes alert-driven tips: a firing alert that a rule maps raises one tip per occurrence
/// (re-sent alerts find it), a resolved alert closes its Active tip, and an alert that is a copy of ours (it came
/// back through Alertmanager with <c>source="monitoring"</c>) attaches to the tip our own alert raised.</summary>
public sealed class AlertTips
{
    /// <summary>The <c>source</c> label our alerts carry to Alertmanager.</summary>
    public const string OurSource = "monitoring";

    private readonly ITipStore _store;
    private readonly TipLifecycle _lifecycle;
    private readonly AlertTipMapper _mapper;
    private readonly Lock _gate = new();

    public AlertTips(ITipStore store, TipLifecycle lifecycle, AlertTipMapper mapper)
    {
        _store = store;
        _lifecycle = lifecycle;
        _mapper = mapper;
    }

    /// <summary>True when the alert carries our own <c>source</c> label (it is a copy of one of our alerts).</summary>
    public static bool IsOurs(IReadOnlyDictionary<string, string> labels) =>
        labels is not null && labels.TryGetValue("source", out var source) && source == OurSource;

    /// <summary>A firing alert: raises its tip once; a re-send (or a tip already dismissed or finished for this
    /// occurrence) raises nothing.</summary>
    public AlertTipOutcome Firing(AlertFacts alert, string by, Func<string, string?> hostGroupOf)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var candidate = _mapper.Map(alert, by, hostGroupOf, out var whyNot);
        if (candidate is null)
        {
            return AlertTipOutcome.Ignored(whyNot!);
        }

        lock (_gate)
        {
            var known = _store.FindOpen(candidate.ConditionKey)
                ?? _store.List(null, candidate.Target).FirstOrDefault(t => t.ConditionKey == candidate.ConditionKey);
            if (known is not null)
            {
                return new AlertTipOutcome(known, "existing", null);
            }

            var raised = _lifecycle.Reconcile(candidate.ConditionKey, [candidate], by);
            return new AlertTipOutcome(raised.Count > 0 ? raised[0] : _store.FindOpen(candidate.ConditionKey), "raised", null);
        }
    }

    /// <summary>A resolved alert: its Active tip is Closed (a tip being implemented carries on).</summary>
    public AlertTipOutcome Resolved(string conditionKey, string by)
    {
        lock (_gate)
        {
            var open = _store.FindOpen(conditionKey);
            if (open is null)
            {
                return AlertTipOutcome.Ignored("no open tip for this alert");
            }

            if (open.Status != TipStatus.Active)
            {
                return new AlertTipOutcome(open, "existing", $"the tip is {open.Status}; it finishes its action");
            }

            _lifecycle.Reconcile(conditionKey, [], by);
            return new AlertTipOutcome(_lifecycle.Get(open.Id), "closed", null);
        }
    }

    /// <summary>A copy of our alert on <paramref name="objectId"/> named <paramref name="alertName"/>, delivered by
    /// Alertmanager: never raises a tip; the open tip our alert raised notes it once (by <paramref name="reference"/>,
    /// e.g. the fingerprint).</summary>
    public AlertTipOutcome Attach(string objectId, string alertName, string reference, string by)
    {
        lock (_gate)
        {
            var tip = _store.OpenWithPrefix(AlertConditionKeys.OursPrefix(objectId, alertName)).OrderByDescending(t => t.RaisedAt).FirstOrDefault();
            if (tip is null)
            {
                return AlertTipOutcome.Ignored($"a copy of our alert {alertName} on {objectId}: no open tip of ours to attach it to");
            }

            var note = $"also delivered by Alertmanager ({reference})";
            tip = _lifecycle.Remark(tip.Id, by, note, t => !t.History.Any(h => h.Note == note)) ?? tip;
            return new AlertTipOutcome(tip, "attached", null);
        }
    }
}
