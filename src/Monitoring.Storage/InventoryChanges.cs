namespace Monitoring.Storage;

/// <summary>What applying one snapshot changed.</summary>
/// <param name="Added">Objects seen for the first time.</param>
/// <param name="Updated">Objects already stored (including ones that came back after being gone).</param>
/// <param name="MarkedGone">Objects the pass no longer found, now marked gone.</param>
public sealed record InventoryChanges(int Added, int Updated, int MarkedGone);
