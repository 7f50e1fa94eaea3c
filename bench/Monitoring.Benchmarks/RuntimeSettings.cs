using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace Monitoring.Benchmarks;

/// <summary>Checks that this process runs with the service's runtime settings (GC, tiering, PGO), since
/// ours is measured in it: its <c>runtimeconfig.json</c> against the service's, copied beside it.</summary>
internal static class RuntimeSettings
{
    /// <summary>The settings that differ, one line each; empty when they match.</summary>
    public static IReadOnlyList<string> DifferencesFromService()
    {
        var ours = Read(Path.Combine(AppContext.BaseDirectory, "Monitoring.Benchmarks.runtimeconfig.json"));
        var service = Read(Path.Combine(AppContext.BaseDirectory, "monitoring.runtimeconfig.json"));
        return [.. ours.Keys.Union(service.Keys).Order(StringComparer.Ordinal)
            .Where(key => ours.GetValueOrDefault(key) != service.GetValueOrDefault(key))
            .Select(key => $"{key}: bench {ours.GetValueOrDefault(key) ?? "unset"}, service {service.GetValueOrDefault(key) ?? "unset"}")];
    }

    /// <summary>True when the service's assembly beside the benchmark carries ReadyToRun code, as the service's
    /// platform publish does (scripts/bench.sh publishes so); false for a plain build.</summary>
    public static bool IsPrecompiled()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "monitoring.dll"));
        using var pe = new PEReader(file);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static Dictionary<string, string?> Read(string path)
    {
        var properties = JsonNode.Parse(File.ReadAllText(path))?["runtimeOptions"]?["configProperties"]?.AsObject();
        return properties?.ToDictionary(p => p.Key, p => p.Value?.ToJsonString(), StringComparer.Ordinal) ?? [];
    }
}
