namespace Monitoring.Remediation.Actions;

/// <summary>How an action ended: <paramref name="Result"/> is what the tip records, the target's own
/// reason on failure (e.g. vSphere's <c>ManagedObjectNotFound</c>), a short confirmation on success.</summary>
public sealed record TipActionOutcome(bool Succeeded, string Result)
{
    public static TipActionOutcome Success(string result) => new(true, result);

    public static TipActionOutcome Failure(string reason) => new(false, reason);
}
