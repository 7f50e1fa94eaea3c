namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Where a host's Hyper-V WMI provider lives, which decides how its states are decoded.</summary>
/// <param name="Path">The WMI namespace.</param>
/// <param name="IsV2">True for <c>root/virtualization/v2</c> (Server 2012 and later), false for the v1
/// namespace of Server 2008 and 2008 R2 (gone from 2012 R2).</param>
internal sealed record HyperVNamespace(string Path, bool IsV2)
{
    public static HyperVNamespace V2 { get; } = new("root/virtualization/v2", true);

    public static HyperVNamespace V1 { get; } = new("root/virtualization", false);
}
