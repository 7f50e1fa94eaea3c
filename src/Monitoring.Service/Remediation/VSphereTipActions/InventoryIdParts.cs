namespace Monitoring.Service.Remediation.VSphereTipActions;

/// <summary>An inventory id split into the target's config name and the native key
/// (<c>vc01/vm-42</c> is target <c>vc01</c>, key <c>vm-42</c>). Target names hold no '/'; keys may.</summary>
internal readonly record struct InventoryIdParts(string Target, string Key)
{
    public static InventoryIdParts? Parse(string? id)
    {
        var slash = id is null ? -1 : id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < id!.Length - 1 ? new InventoryIdParts(id[..slash], id[(slash + 1)..]) : null;
    }
}
