namespace Monitoring.Remediation.Tips;

/// <summary>What implementing a tip does: a kind (<c>migrate</c>, <c>enterMaintenance</c>, <c>powerOn</c>,
/// <c>hook</c>) and its parameters (ids are inventory ids): <c>migrate</c> has <c>vm</c>, <c>from</c>,
/// <c>to</c>; <c>enterMaintenance</c> has <c>host</c>; <c>powerOn</c> has <c>vm</c>; <c>hook</c> has
/// <c>hook</c>, the name of a hook in the config file (never a path or URL).</summary>
public sealed record TipAction(string Kind, IReadOnlyDictionary<string, string> Parameters)
{
    public const string Migrate = "migrate";
    public const string EnterMaintenance = "enterMaintenance";
    public const string PowerOn = "powerOn";
    public const string Hook = "hook";

    public static TipAction Migration(string vmId, string fromHostId, string toHostId) =>
        new(Migrate, new Dictionary<string, string>(StringComparer.Ordinal) { ["vm"] = vmId, ["from"] = fromHostId, ["to"] = toHostId });

    public static TipAction HostMaintenance(string hostId) =>
        new(EnterMaintenance, new Dictionary<string, string>(StringComparer.Ordinal) { ["host"] = hostId });

    public static TipAction StartVm(string vmId) =>
        new(PowerOn, new Dictionary<string, string>(StringComparer.Ordinal) { ["vm"] = vmId });

    public static TipAction RunHook(string hookName) =>
        new(Hook, new Dictionary<string, string>(StringComparer.Ordinal) { ["hook"] = hookName });

    public bool SameAs(TipAction other) =>
        Kind == other.Kind && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);
}
