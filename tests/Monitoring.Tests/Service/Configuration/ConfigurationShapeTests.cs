using Monitoring.Service.Configuration;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Configuration;

/// <summary>Values of the wrong shape are refused by key, never silently bound to nothing.</summary>
public sealed class ConfigurationShapeTests : IDisposable
{
    private static readonly Dictionary<string, string?> s_noEnvironment = [];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_TargetsWrittenAsAnObject_IsRefusedInsteadOfLoadingNoTargets()
    {
        var e = Refused("""{ "Monitoring": { "Targets": { "Name": "vc01", "Kind": "vSphere" } } }""");

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Targets: must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ThumbprintWrittenAsAnObject_IsRefusedInsteadOfDroppingThePin()
    {
        var e = Refused("""{ "Monitoring": { "Targets": [ { "Name": "vc01", "Kind": "vSphere", "Address": "https://vc01/sdk", "Username": "u", "Password": "p", "Thumbprint": { "sha256": "AB" } } ] } }""");

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Targets:0:Thumbprint: must be a single value", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SectionWrittenAsAString_IsRefused()
    {
        var e = Refused("""{ "Monitoring": { "Storage": "Sqlite" } }""");

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Storage: must be an object", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"ten\"")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public void Load_TimeoutNotAWholeNumber_IsRefusedAndTheTargetIsNotDropped(string value)
    {
        var e = Refused($$"""{ "Monitoring": { "Targets": [ { "Name": "vc01", "Kind": "vSphere", "Address": "https://vc01/sdk", "Username": "u", "Password": "p", "TimeoutSeconds": {{value}} } ] } }""");

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Targets:0:TimeoutSeconds:", StringComparison.Ordinal) && p.Contains("whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TypoInTheTopLevelSection_IsRefused()
    {
        var e = Refused("""{ "Monitorng": { "Targets": [] } }""");

        Assert.Contains(e.Problems, p => p.StartsWith("Monitorng: unknown top-level key", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MalformedJson_SaysWhereTheMistakeIs()
    {
        var e = Refused("{ \"Monitoring\": {\n  \"Targets\": [ ,, ] } }");

        var problem = Assert.Single(e.Problems);
        Assert.Contains("LineNumber: 1", problem, StringComparison.Ordinal);
    }

    private ConfigurationException Refused(string json)
    {
        var path = Path.Combine(_directory.Path, "monitoring.json");
        File.WriteAllText(path, json);
        return Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, s_noEnvironment));
    }
}
