namespace Monitoring.Remediation.Tips;

/// <summary>What implementing a tip does: a kind (<c>migrate</c>, <c>enterMaintenance</c>, <c>powerOn</c>)
/// and its parameters (for <c>migrate</c>: <c>vm</c>, <c>from</c>, <c>to</c>).</summary>
public sealed record TipAction(string Kind, IReadOnlyDictionary<string, string> Parameters)
{
    public const string Migrate = "migrate";
    public const string EnterMaintenance = "enterMaintenance";
    public const string PowerOn = "powerOn";

    public static TipAction Migration(string vmId, string fromHostId, string toHostId) =>
        new(Migrate, new Dictionary<string, string>(StringComparer.Ordinal) { ["vm"] = vmId, ["from"] = fromHostId, ["to"] = toHostId });

    public bool SameAs(TipAction other) =>
        Kind == other.Kind && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);
}
