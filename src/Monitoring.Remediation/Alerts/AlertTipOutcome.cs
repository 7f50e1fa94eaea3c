using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Alerts;

/// <summary>What an alert did to the tips: the tip it raised, found, attached to or closed (or null), and a word for it.</summary>
/// <param name="Tip">The tip concerned, or null.</param>
/// <param name="What"><c>raised</c>, <c>existing</c>, <c>attached</c>, <c>closed</c> or <c>ignored</c>.</param>
/// <param name="Note">Why it was ignored, or what it found.</param>
public sealed record AlertTipOutcome(Tip? Tip, string What, string? Note)
{
    public static AlertTipOutcome Ignored(string note) => new(null, "ignored", note);
}
