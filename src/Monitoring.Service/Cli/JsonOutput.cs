using System.Text.Json;

namespace Monitoring.Service.Cli;

/// <summary>The one JSON style of every <c>--json</c> output: camelCase, indented, nulls kept (a null
/// cluster means "standalone", which is information).</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
