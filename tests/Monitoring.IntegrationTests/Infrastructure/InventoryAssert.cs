using System.Text.Json;
using Xunit;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Compares what the product stored (inventory --json) with what pyvmomi reads from the simulator.</summary>
internal static class InventoryAssert
{
    public static void HostsEqual(JsonElement expected, JsonElement actual) =>
        Assert.Equal(
            Rows(expected.GetProperty("hosts"), "id", "name", "cluster", "cpuCount", "memoryBytes"),
            Rows(actual.GetProperty("hosts"), "id", "name", "cluster", "cpuCount", "memoryBytes"));

    public static void VmsEqual(JsonElement expected, JsonElement actual) =>
        Assert.Equal(
            Rows(expected.GetProperty("vms"), "id", "name", "hostId", "host", "powerState", "cpuCount", "memoryBytes"),
            Rows(actual.GetProperty("vms"), "id", "name", "hostId", "host", "powerState", "cpuCount", "memoryBytes"));

    public static void ClustersEqual(JsonElement expected, JsonElement actual) =>
        Assert.Equal(Rows(expected.GetProperty("clusters"), "id", "name"), Rows(actual.GetProperty("clusters"), "id", "name"));

    /// <summary>One line per object with the chosen fields, sorted: a failure shows exactly which object differs.</summary>
    public static List<string> Rows(JsonElement array, params string[] fields) =>
        [.. array.EnumerateArray()
            .Select(o => string.Join(" | ", fields.Select(f => o.TryGetProperty(f, out var v) ? v.ToString() : "<absent>")))
            .Order(StringComparer.Ordinal)];
}
