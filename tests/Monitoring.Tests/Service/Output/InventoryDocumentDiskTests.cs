using System.Text.Json;
using Monitoring.Core.Model;
using Monitoring.Service.Cli;
using Monitoring.Service.Output;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Xunit;

namespace Monitoring.Tests.Service.Output;

/// <summary>The VMs' virtual disks in <c>inventory --json</c> and the inventory table.</summary>
public sealed class InventoryDocumentDiskTests
{
    [Fact]
    public void From_HyperVVmWithDisks_ListsThemInsideTheVmAndAnEsxVmGetsNull()
    {
        var document = InventoryDocument.From(Estate());

        var json = JsonDocument.Parse(JsonSerializer.Serialize(document, JsonOutput.Options)).RootElement;
        var web = json.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "web-01");
        var disk = Assert.Single(web.GetProperty("disks").EnumerateArray());
        Assert.Equal(@"hv01/Microsoft:GUID-WEB\IDE\0\0\L", disk.GetProperty("id").GetString());
        Assert.Equal("web-01.vhdx", disk.GetProperty("name").GetString());
        Assert.Equal(@"V:\VMs\web-01\web-01.vhdx", disk.GetProperty("path").GetString());
        Assert.Equal(127L << 30, disk.GetProperty("capacityBytes").GetInt64());
        Assert.Equal("vhdx", disk.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, disk.GetProperty("differencing").ValueKind);
        var empty = json.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "spare-01");
        Assert.Equal(0, empty.GetProperty("disks").GetArrayLength());
        var esx = json.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "db-01");
        Assert.Equal(JsonValueKind.Null, esx.GetProperty("disks").ValueKind);
    }

    [Fact]
    public void WriteTables_EstateWithDisks_PrintsADiskTableAndWithoutDisksNone()
    {
        using var withDisks = new StringWriter();
        InventoryVerb.WriteTables(InventoryDocument.From(Estate()), withDisks);
        using var withoutDisks = new StringWriter();
        InventoryVerb.WriteTables(InventoryDocument.From(Estate() with { VirtualDisks = [] }), withoutDisks);

        var lines = withDisks.ToString().Split(Environment.NewLine);
        var title = Array.IndexOf(lines, "1 virtual disks");
        Assert.True(title > 0, withDisks.ToString());
        Assert.Equal(["TARGET", "VM", "DISK", "CAPACITY", "FORMAT", "GONE"], lines[title + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["hv01", "web-01", @"V:\VMs\web-01\web-01.vhdx", "127", "GiB", "vhdx", "-"], lines[title + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("virtual disks", withoutDisks.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A Hyper-V host with a VM that has a disk and one that has none, and an ESX host with a VM.</summary>
    private static StoredInventory Estate() => new(
        [Host("hv01", "HV01", HypervisorKind.HyperV), Host("vc01", "host-14", HypervisorKind.Esx)],
        [Vm("hv01", "GUID-WEB", "web-01", "HV01"), Vm("hv01", "GUID-SPARE", "spare-01", "HV01"), Vm("vc01", "vm-22", "db-01", "host-14")],
        [],
        [])
    {
        VirtualDisks =
        [
            new VirtualDiskRecord
            {
                Id = @"hv01/Microsoft:GUID-WEB\IDE\0\0\L", Target = "hv01", VmId = "hv01/GUID-WEB", Path = @"V:\VMs\web-01\web-01.vhdx",
                CapacityBytes = 127L << 30, Format = "vhdx",
            },
        ],
    };

    private static HostRecord Host(string target, string key, HypervisorKind kind) =>
        new() { Id = $"{target}/{key}", Target = target, Name = key, Hypervisor = kind };

    private static VmRecord Vm(string target, string key, string name, string hostKey) =>
        new() { Id = $"{target}/{key}", Target = target, Name = name, HostId = $"{target}/{hostKey}" };
}
