using Monitoring.Core.Configuration;
using Monitoring.Service.Otlp;
using Xunit;

namespace Monitoring.Tests.Service.Otlp;

public sealed class OtlpSettingsTests
{
    private static readonly Func<string, string?> s_noVariables = _ => null;

    [Fact]
    public void From_NothingConfigured_Off()
    {
        var problems = new List<string>();

        var settings = OtlpSettings.From(new OtlpOptions(), s_noVariables, problems);

        Assert.Empty(problems);
        Assert.False(settings.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.ExportInterval);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")]
    public void From_StandardEndpointVariable_OnWithTheSdkChoosing(string variable)
    {
        var settings = OtlpSettings.From(new OtlpOptions(), name => name == variable ? "http://collector:4317" : null, []);

        Assert.True(settings.Enabled);
        Assert.Null(settings.Endpoint);
        Assert.Null(settings.Protocol);
    }

    [Fact]
    public void From_BadValues_EachNamedWithWhatIsAllowed()
    {
        var problems = new List<string>();

        OtlpSettings.From(new OtlpOptions { Endpoint = "collector:4317", Protocol = "http/json", ExportIntervalSeconds = 0 }, s_noVariables, problems);

        Assert.Equal(
            [
                "Monitoring:Otlp:Endpoint: 'collector:4317' is not an http:// or https:// URL (e.g. http://collector:4317 for grpc, http://collector:4318/v1/metrics for http/protobuf)",
                "Monitoring:Otlp:Protocol: 'http/json' is not a protocol; use grpc or http/protobuf",
                "Monitoring:Otlp:ExportIntervalSeconds: 0 is out of range; allowed 1 to 3600 (default 60)",
            ],
            problems);
    }

    [Fact]
    public void WithoutCredentials_EndpointWithUserInfo_LogsNeitherUserNorPassword() =>
        Assert.Equal("https://collector.example.net:4318/v1/metrics", OtlpExportService.WithoutCredentials(new Uri("https://svc:S3cret@collector.example.net:4318/v1/metrics")));
}
