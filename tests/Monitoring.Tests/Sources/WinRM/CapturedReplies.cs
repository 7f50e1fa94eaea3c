using Monitoring.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.Sources.WinRM;

/// <summary>Loads captured WS-Management replies from the test data (see TestData/SOURCES.md).</summary>
internal static class CapturedReplies
{
    public static string File(string relativePath) => System.IO.File.ReadAllText(TestFiles.PathOf("wsman/" + relativePath));

    /// <summary>The replies of a pypsrp recording (a YAML list of request/response envelopes), in order.</summary>
    public static IReadOnlyList<string> Recording(string relativePath)
    {
        using var reader = new StreamReader(TestFiles.PathOf("wsman/" + relativePath));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return [.. ((YamlSequenceNode)root["messages"]).Children
            .Cast<YamlMappingNode>()
            .Select(m => ((YamlScalarNode)m["response"]).Value ?? string.Empty)];
    }

    /// <summary>The first reply of a recording that is a fault with <paramref name="subcode"/>.</summary>
    public static string FaultFrom(string relativePath, string subcode) =>
        Recording(relativePath).First(r => r.Contains(subcode, StringComparison.Ordinal) && r.Contains("<s:Fault>", StringComparison.Ordinal));
}
