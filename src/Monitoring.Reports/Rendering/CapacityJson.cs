using System.Text.Json;
using Monitoring.Reports.Capacity;

namespace Monitoring.Reports.Rendering;

/// <summary>The report as JSON, in the style of every <c>--json</c> output: camelCase, indented, nulls kept (a null
/// figure means "could not be computed", which is information).</summary>
public static class CapacityJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(CapacityReport report) => JsonSerializer.Serialize(report, s_options);
}
