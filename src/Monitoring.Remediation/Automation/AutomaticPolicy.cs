using Monitoring.Remediation.Configuration;
using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Automation;

/// <summary>Decides which Active tips automatic mode implements now: those its host group's setting covers
/// (<c>Critical</c>: Critical tips only; <c>WarningAndCritical</c>: both; <c>Off</c>: none), most urgent first,
/// while the host group stays within its limits (under way at once, started in the sliding hour) and none of
/// the objects the tip touches is in a maintenance window.</summary>
/// <remarks>Plain C#: the caller hands in the open tips, the ledger of recent automatic starts, each tip's
/// host-group setting and the maintenance test, and carries the plan out. A tip the setting does not cover is
/// not listed as waiting: it is an operator's to implement, which is the normal case.</remarks>
public sealed class AutomaticPolicy
{
    /// <summary>The sliding window of the per-hour limit.</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The action parameters that name inventory objects (a hook's name does not).</summary>
    private static readonly string[] s_objectParameters = ["vm", "from", "to", "host"];

    private readonly AutomaticLimits _limits;

    public AutomaticPolicy(AutomaticLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>True when a host group set to <paramref name="mode"/> implements a tip of <paramref name="severity"/> by itself.</summary>
    public static bool Covers(AutomaticMode mode, TipSeverity severity) => mode switch
    {
        AutomaticMode.Critical => severity == TipSeverity.Critical,
        AutomaticMode.WarningAndCritical => severity is TipSeverity.Critical or TipSeverity.Warning,
        _ => false,
    };

    /// <summary>The inventory objects a tip acts on: its target, its host group and the objects its action names.</summary>
    public static IEnumerable<string> ObjectsOf(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string?> all = [tip.Target, tip.HostGroup, .. s_objectParameters.Select(p => tip.Action.Parameters.GetValueOrDefault(p))];
        foreach (var id in all)
        {
            if (!string.IsNullOrEmpty(id) && seen.Add(id))
            {
                yield return id;
            }
        }
    }

    /// <param name="open">The tips that are not final (Active, Initialized, Running).</param>
    /// <param name="ledger">Automatic starts so far; the plan's own starts are counted but not recorded in it.</param>
    /// <param name="modeOf">The automatic setting of a tip's host group.</param>
    /// <param name="blockedBecause">Why automatic remediation may not act on an object now, or null; read after the
    /// object's id, e.g. "in maintenance until ..." (<c>MaintenanceStatus.Describe</c>).</param>
    /// <param name="now">The clock's time.</param>
    public AutomaticPlan Decide(
        IReadOnlyList<Tip> open,
        AutomaticLedger ledger,
        Func<Tip, AutomaticMode> modeOf,
        Func<string, string?> blockedBecause,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(modeOf);
        ArgumentNullException.ThrowIfNull(blockedBecause);

        var underWay = open
            .Where(t => t.Automatic && t.Status is TipStatus.Initialized or TipStatus.Running)
            .GroupBy(t => AutomaticLedger.GroupOf(t.HostGroup), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var startedNow = new Dictionary<string, int>(StringComparer.Ordinal);
        var implement = new List<Tip>();
        var waiting = new List<AutomaticWait>();
        var candidates = open
            .Where(t => t.Status == TipStatus.Active && Covers(modeOf(t), t.Severity))
            .OrderBy(t => t.Priority)
            .ThenByDescending(t => t.Severity)
            .ThenBy(t => t.RaisedAt)
            .ThenBy(t => t.Id, StringComparer.Ordinal);
        foreach (var tip in candidates)
        {
            var blocked = ObjectsOf(tip).Select(id => (Id: id, Reason: blockedBecause(id))).FirstOrDefault(b => b.Reason is not null);
            if (blocked.Reason is not null)
            {
                waiting.Add(new AutomaticWait(tip, $"automatic implementation waits: {blocked.Id} is {blocked.Reason}"));
                continue;
            }

            var group = AutomaticLedger.GroupOf(tip.HostGroup);
            var shown = tip.HostGroup ?? "(no host group)";
            if (underWay.GetValueOrDefault(group) >= _limits.MaxConcurrent)
            {
                waiting.Add(new AutomaticWait(tip, $"automatic implementation waits: host group {shown} already has {_limits.MaxConcurrent} under way (Monitoring:Remediation:Automatic:MaxConcurrent)"));
                continue;
            }

            var lastHour = ledger.Since(tip.HostGroup, now - Hour);
            if (lastHour.Count + startedNow.GetValueOrDefault(group) >= _limits.MaxPerHour)
            {
                // The next slot opens when the oldest start in the window leaves it; the text changes only then.
                var next = lastHour.Count > 0 ? $"; the next may start at {lastHour[0] + Hour:u}" : string.Empty;
                waiting.Add(new AutomaticWait(tip, $"automatic implementation waits: host group {shown} reached {_limits.MaxPerHour} automatic implementations in the last hour (Monitoring:Remediation:Automatic:MaxPerHour){next}"));
                continue;
            }

            implement.Add(tip);
            underWay[group] = underWay.GetValueOrDefault(group) + 1;
            startedNow[group] = startedNow.GetValueOrDefault(group) + 1;
        }

        return new AutomaticPlan(implement, waiting);
    }
}
