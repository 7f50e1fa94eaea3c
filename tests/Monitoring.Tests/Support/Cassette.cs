using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.Support;

/// <summary>A vcrpy cassette (the YAML pyvmomi's tests record): every request sent to a real server and its reply.</summary>
internal sealed class Cassette
{
    private Cassette(IReadOnlyList<CassetteInteraction> interactions) => Interactions = interactions;

    public IReadOnlyList<CassetteInteraction> Interactions { get; }

    /// <summary>The SOAP exchanges, leaving out bodiless requests such as the version probe.</summary>
    public IEnumerable<CassetteInteraction> SoapInteractions => Interactions.Where(i => i.SoapMethod is not null);

    public static Cassette Load(string relativePath)
    {
        using var reader = new StreamReader(TestFiles.PathOf(relativePath));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var interactions = ((YamlSequenceNode)root["interactions"]).Children
            .Cast<YamlMappingNode>()
            .Select(ReadInteraction)
            .ToList();
        return new Cassette(interactions);
    }

    /// <summary>The exchanges that called <paramref name="method"/>, in recorded order.</summary>
    public IReadOnlyList<CassetteInteraction> Calls(string method) => [.. SoapInteractions.Where(i => i.SoapMethod == method)];

    private static CassetteInteraction ReadInteraction(YamlMappingNode node)
    {
        var request = (YamlMappingNode)node["request"];
        var response = (YamlMappingNode)node["response"];
        var status = (YamlMappingNode)response["status"];
        // A bodiless request (the GET of vimServiceVersions.xml) is recorded as a plain YAML null.
        var requestBody = request["body"] is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain, Value: { Length: > 0 } body } ? body : null;
        var responseBody = ((YamlScalarNode)((YamlMappingNode)response["body"])["string"]).Value ?? string.Empty;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in (YamlMappingNode)response["headers"])
        {
            foreach (var value in ((YamlSequenceNode)values).Children.Cast<YamlScalarNode>())
            {
                headers.Add(new(((YamlScalarNode)name).Value!, value.Value ?? string.Empty));
            }
        }

        return new CassetteInteraction(
            requestBody,
            int.Parse(((YamlScalarNode)status["code"]).Value!, System.Globalization.CultureInfo.InvariantCulture),
            ((YamlScalarNode)status["message"]).Value ?? string.Empty,
            responseBody,
            headers);
    }
}
