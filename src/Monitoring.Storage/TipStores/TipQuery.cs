using Monitoring.Remediation.Tips;

namespace Monitoring.Storage.TipStores;

/// <summary>A page of tips: <paramref name="Status"/> null for every status; <paramref name="Target"/> an inventory id
/// (the tip's own target) or a target's config name (every tip on its objects).</summary>
public sealed record TipQuery(TipStatus? Status, string? Target, int Offset, int Limit);
