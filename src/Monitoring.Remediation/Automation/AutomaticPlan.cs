using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Automation;

/// <summary>What automatic mode does in one pass: the tips to implement now, in order, and those that wait.</summary>
public sealed record AutomaticPlan(IReadOnlyList<Tip> Implement, IReadOnlyList<AutomaticWait> Waiting)
{
    public static AutomaticPlan Nothing { get; } = new([], []);
}
