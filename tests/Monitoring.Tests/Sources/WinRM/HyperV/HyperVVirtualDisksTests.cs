using Monitoring.Sources.WinRM.HyperV;
using Monitoring.Sources.WinRM.WsMan;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.HyperV;

public sealed class HyperVVirtualDisksTests
{
    private static readonly Dictionary<string, string> s_vms = new(StringComparer.OrdinalIgnoreCase) { ["A1B2"] = "hv/A1B2" };

    [Theory]
    [InlineData(@"V:\VMs\web.vhdx", "vhdx")]
    [InlineData(@"E:\VMs\web.VHD", "vhd")]
    [InlineData(@"V:\VMs\web_6A1F0C2D.avhdx", "vhdx")]
    [InlineData(@"E:\VMs\web_6A1F0C2D.avhd", "vhd")]
    [InlineData(@"\\filer\share\cluster.vhds", "vhds")]
    [InlineData(@"V:\VMs\web.img", null)]
    [InlineData(@"V:\VMs.vhdx\web", null)]
    public void FormatOf_DiskPath_IsTheFormatItsExtensionNames(string path, string? expected) =>
        Assert.Equal(expected, HyperVVirtualDisks.FormatOf(path));

    [Theory]
    [InlineData("83886080", "count(fixed size block)", "512", 40L << 30)]
    [InlineData("42949672960", "byte", null, 40L << 30)]
    [InlineData("83886080", null, "512", 40L << 30)]
    [InlineData("83886080", "count(fixed size block)", null, null)]
    [InlineData(null, "count(fixed size block)", "512", null)]
    [InlineData("1", "count(fixed size block)", "1", null)]
    [InlineData("9223372036854775807", "count(fixed size block)", "512", null)]
    public void CapacityOf_V2Setting_IsBlocksTimesBlockSizeOrUnknown(string? quantity, string? units, string? blockSize, long? expected)
    {
        var setting = Instance(("VirtualQuantity", quantity), ("VirtualQuantityUnits", units), ("VirtualResourceBlockSize", blockSize));

        Assert.Equal(expected, HyperVVirtualDisks.CapacityOf(setting));
    }

    [Fact]
    public void From_V2Settings_KeepsOnlyHardDisksOfKnownVmsThatHaveAFile()
    {
        WmiInstance[] settings =
        [
            Setting(@"Microsoft:A1B2\IDE\0\0\L", "Microsoft:Hyper-V:Virtual Hard Disk", @"V:\VMs\web.vhdx"),
            Setting(@"Microsoft:A1B2\IDE\1\0\L", "Microsoft:Hyper-V:Virtual CD/DVD Disk", @"V:\ISO\setup.iso"),
            Setting(@"Microsoft:C3D4\IDE\0\0\L", "Microsoft:Hyper-V:Virtual Hard Disk", @"V:\VMs\web-checkpoint-parent.vhdx"),
            Setting(@"Microsoft:A1B2\SCSI\0\1\L", "Microsoft:Hyper-V:Virtual Hard Disk", string.Empty),
            Setting("Microsoft:Definition\\Default", "Microsoft:Hyper-V:Virtual Hard Disk", @"V:\VMs\default.vhdx"),
        ];

        var disk = Assert.Single(HyperVVirtualDisks.From(settings, isV2: true, "hv", s_vms));

        Assert.Equal((@"hv/Microsoft:A1B2\IDE\0\0\L", "hv/A1B2", @"V:\VMs\web.vhdx", "vhdx"), (disk.Id, disk.VmId, disk.Path, disk.Format));
        Assert.Null(disk.Differencing);
    }

    [Fact]
    public void From_V1Settings_ReadTheFileFromConnectionAndGiveNoCapacity()
    {
        var setting = new WmiInstance("Msvm_ResourceAllocationSettingData", new Dictionary<string, List<object?>>
        {
            ["InstanceID"] = [@"Microsoft:A1B2\IDE\0\0\D"],
            ["ResourceSubType"] = ["Microsoft Virtual Hard Disk"],
            ["Connection"] = [@"E:\VMs\web_6A1F.avhd"],
            ["VirtualQuantity"] = ["83886080"],
        });

        var disk = Assert.Single(HyperVVirtualDisks.From([setting], isV2: false, "hv", s_vms));

        Assert.Equal((@"E:\VMs\web_6A1F.avhd", "vhd", true), (disk.Path, disk.Format, disk.Differencing!.Value));
        Assert.Null(disk.CapacityBytes);
    }

    private static WmiInstance Setting(string instanceId, string subType, string path) =>
        Instance(("InstanceID", instanceId), ("ResourceSubType", subType), ("ResourceType", "31"), ("HostResource", path));

    private static WmiInstance Instance(params (string Name, string? Value)[] properties) =>
        new("Msvm_StorageAllocationSettingData", properties.ToDictionary(p => p.Name, p => new List<object?> { p.Value }, StringComparer.Ordinal));
}
