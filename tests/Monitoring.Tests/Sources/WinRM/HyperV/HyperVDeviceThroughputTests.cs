using Monitoring.Sources.WinRM.HyperV;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.HyperV;

public sealed class HyperVDeviceThroughputTests
{
    private static readonly Dictionary<string, string> s_running = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GUID-WEB"] = "web",
        ["GUID-WEB2"] = "web_2",
        ["GUID-SQL"] = "sql-01",
    };

    [Theory]
    [InlineData("web_Network Adapter_AAA--BBB", "GUID-WEB")]
    [InlineData("web_2_Network Adapter_AAA--BBB", "GUID-WEB2")]
    [InlineData("SQL-01_Legacy Network Adapter_AAA--BBB", "GUID-SQL")]
    [InlineData("webserver_Network Adapter_AAA--BBB", null)]
    [InlineData("web", null)]
    [InlineData(null, null)]
    public void OwnerByName_AdapterInstance_BelongsToTheRunningVmWithTheLongestMatchingName(string? instance, string? expected) =>
        Assert.Equal(expected, HyperVDeviceThroughput.OwnerByName(instance, s_running));
}
