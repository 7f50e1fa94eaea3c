using System.Globalization;
using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>The Hyper-V collector through the command line, against hosts of both WMI namespaces.</summary>
public sealed class HyperVHostTests
{
    [Theory]
    [InlineData("hyperv-2008r2", "web-01:poweredOn:healthy,sql-01:poweredOn:critical,test-01:poweredOff:healthy,build-01:suspended:healthy")]
    [InlineData("hyperv-2016", "app-01:poweredOn:healthy,app-02:suspended:healthy,old-01:poweredOff:critical,saved-01:suspended:healthy")]
    public async Task CollectOnce_HyperVHost_StoresHostAndVmsWithStatesDecodedPerNamespace(string profile, string expectedStates)
    {
        await using var endpoint = await WsManEndpoint.StartAsync(profile);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("hv", "HyperV"));

        var before = DateTimeOffset.UtcNow;
        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);
        var after = DateTimeOffset.UtcNow;

        Assert.True(collect.ExitCode == 0, collect.ToString());
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        var system = ServedReply.Single(profile, "Win32_ComputerSystem");
        var host = Assert.Single(stored.GetProperty("hosts").EnumerateArray());
        Assert.Equal(system["Name"], host.GetProperty("name").GetString());
        Assert.Equal("hyperv", host.GetProperty("hypervisor").GetString());
        Assert.Equal(int.Parse(system["NumberOfLogicalProcessors"]!, CultureInfo.InvariantCulture), host.GetProperty("cpuCount").GetInt32());
        WindowsHostTests.AssertBootedAsServed(profile, host);

        var states = string.Join(',', ServedReply.Instances(profile, "Msvm_ComputerSystem").Select(m =>
        {
            var vm = WindowsHostTests.Vm(stored, m["ElementName"]!);
            return $"{m["ElementName"]}:{vm.GetProperty("powerState").GetString()}:{vm.GetProperty("health").GetString()}";
        }));
        Assert.Equal(expectedStates, states);

        var memory = ServedReply.Instances(profile, "Msvm_MemorySettingData");
        var summaries = ServedReply.Instances(profile, "Msvm_SummaryInformation", "GetSummaryInformation");
        var (disksClass, pathProperty) = profile == "hyperv-2016" ? ("Msvm_StorageAllocationSettingData", "HostResource") : ("Msvm_ResourceAllocationSettingData", "Connection");
        var disks = ServedReply.Instances(profile, disksClass);
        foreach (var machine in ServedReply.Instances(profile, "Msvm_ComputerSystem"))
        {
            var vm = WindowsHostTests.Vm(stored, machine["ElementName"]!);
            var guid = machine["Name"]!;
            Assert.Equal("hv/" + guid, vm.GetProperty("id").GetString());
            Assert.Equal(host.GetProperty("id").GetString(), vm.GetProperty("hostId").GetString());
            var megabytes = long.Parse(memory.Single(m => m["InstanceID"]!.Contains(guid, StringComparison.Ordinal))["VirtualQuantity"]!, CultureInfo.InvariantCulture);
            Assert.Equal(megabytes * 1024 * 1024, vm.GetProperty("memoryBytes").GetInt64());
            Assert.Equal(int.Parse(summaries.Single(s => s["Name"] == guid)["NumberOfProcessors"]!, CultureInfo.InvariantCulture), vm.GetProperty("cpuCount").GetInt32());

            // Booted: the collection time minus the served UpTime (ms), to the minute; null for a VM not running (UpTime 0).
            var uptime = long.Parse(summaries.Single(s => s["Name"] == guid)["UpTime"]!, CultureInfo.InvariantCulture);
            var bootedAt = vm.GetProperty("bootedAt");
            if (uptime == 0)
            {
                Assert.Equal(JsonValueKind.Null, bootedAt.ValueKind);
            }
            else
            {
                var booted = bootedAt.GetDateTimeOffset();
                Assert.InRange(booted, Minute(before.AddMilliseconds(-uptime)), Minute(after.AddMilliseconds(-uptime)));
                Assert.Equal(booted, Minute(booted));
            }

            // Its disks: the served hard-disk settings of this VM (not its ISO, not its checkpoints' settings).
            var served = disks.Where(d => d["InstanceID"]!.StartsWith("Microsoft:" + guid + "\\", StringComparison.OrdinalIgnoreCase)
                && d["ResourceSubType"]!.Contains("Hard Disk", StringComparison.Ordinal)).Select(d => d[pathProperty]!).Order(StringComparer.Ordinal);
            var listed = vm.GetProperty("disks").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).Order(StringComparer.Ordinal);
            Assert.Equal(served, listed);
        }

        Assert.Contains(summaries, s => s["UpTime"] is not (null or "0"));
        Assert.Contains(" virtual disks (", collect.Stdout, StringComparison.Ordinal);
    }

    private static DateTimeOffset Minute(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    [Fact]
    public async Task CollectOnce_HyperVKindOnAPlainWindowsServer_FailsSayingTheHostHasNoHyperVRole()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("windows-2008r2");
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("plain", "HyperV"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.Equal(1, collect.ExitCode);
        Assert.Contains("plain: FAILED (protocol): neither root/virtualization/v2 nor root/virtualization exists on this host", collect.Stdout, StringComparison.Ordinal);
    }
}
