using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>The Windows collector through the whole command line, against the WS-Management test endpoint.</summary>
public sealed class WindowsHostTests
{
    private const string Profile = "windows-2008r2";

    [Fact]
    public async Task CollectOnce_WindowsHost_StoresTheNameOsProcessorsMemoryAndVolumesTheHostReports()
    {
        await using var endpoint = await WsManEndpoint.StartAsync(Profile);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("win01", "Windows"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Matches(@"^win01: ok: 0 datacenters, 0 clusters, 1 hosts, 0 VMs, 2 datastores", collect.Stdout);
        var system = ServedReply.Single(Profile, "Win32_ComputerSystem");
        var os = ServedReply.Single(Profile, "Win32_OperatingSystem");
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        var host = Assert.Single(stored.GetProperty("hosts").EnumerateArray());
        Assert.Equal(system["Name"], host.GetProperty("name").GetString());
        Assert.Equal("win01/" + system["Name"], host.GetProperty("id").GetString());
        Assert.Equal("windows", host.GetProperty("hypervisor").GetString());
        Assert.Equal("healthy", host.GetProperty("health").GetString());
        Assert.Equal($"{os["Caption"]!.Trim()} {os["Version"]} {os["CSDVersion"]}", host.GetProperty("os").GetString());
        Assert.Equal(int.Parse(system["NumberOfLogicalProcessors"]!, CultureInfo.InvariantCulture), host.GetProperty("cpuCount").GetInt32());
        Assert.Equal(long.Parse(system["TotalPhysicalMemory"]!, CultureInfo.InvariantCulture), host.GetProperty("memoryBytes").GetInt64());
        AssertBootedAsServed(Profile, host);
        Assert.Equal(0, stored.GetProperty("vms").GetArrayLength());

        var volumes = await StoredVolumesAsync(Path.Combine(workspace.Directory, "data", "monitoring.db"));
        var disks = ServedReply.Instances(Profile, "Win32_LogicalDisk");
        Assert.Equal(
            disks.Select(d => $"{system["Name"]} {d["DeviceID"]} | {d["Size"]} | {d["FreeSpace"]} | {d["FileSystem"]}").Order(StringComparer.Ordinal),
            volumes);
    }

    [Fact]
    public async Task CollectOnce_TheHostsVerbOutput_NamesTheHostAsItReportsItselfNotTheTargetName()
    {
        await using var endpoint = await WsManEndpoint.StartAsync(Profile);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("some-config-name", "Windows"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);
        var table = await Cli.RunAsync(workspace.Directory, "inventory", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Contains(ServedReply.Single(Profile, "Win32_ComputerSystem")["Name"]!, table.Stdout, StringComparison.Ordinal);
    }

    internal static async Task<List<string>> StoredVolumesAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Name\", \"CapacityBytes\", \"FreeBytes\", \"Type\" FROM \"Datastores\" ORDER BY \"Name\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>The host's <c>bootedAt</c> is the served <c>Win32_OperatingSystem.LastBootUpTime</c>, to the second.</summary>
    internal static void AssertBootedAsServed(string profile, JsonElement host)
    {
        Assert.Equal(ServedLastBoot(profile), host.GetProperty("bootedAt").GetDateTimeOffset());
    }

    /// <summary>The served <c>LastBootUpTime</c> with its fraction of a second dropped, as the product stores it.</summary>
    internal static DateTimeOffset ServedLastBoot(string profile)
    {
        var served = ServedReply.Single(profile, "Win32_OperatingSystem")["LastBootUpTime"];
        Assert.False(string.IsNullOrEmpty(served), $"{profile} serves no LastBootUpTime");
        var at = DateTimeOffset.Parse(served, CultureInfo.InvariantCulture);
        return at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerSecond));
    }

    internal static JsonElement Vm(JsonElement inventory, string name) =>
        inventory.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
}
