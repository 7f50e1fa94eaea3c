namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Reads a Hyper-V setting's <c>InstanceID</c>, <c>Microsoft:&lt;VM GUID&gt;\&lt;device&gt;...</c>: the same form
/// for memory, disk and every other resource setting of a VM.</summary>
internal static class HyperVSettingId
{
    /// <summary>The GUID of the VM the setting belongs to, or null for another form. A checkpoint's settings carry
    /// the checkpoint's GUID, which matches no VM.</summary>
    public static string? VmGuid(string? instanceId)
    {
        const string Prefix = "Microsoft:";
        if (instanceId is null || !instanceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = instanceId.IndexOf('\\', StringComparison.Ordinal);
        return end > Prefix.Length ? instanceId[Prefix.Length..end] : null;
    }
}
