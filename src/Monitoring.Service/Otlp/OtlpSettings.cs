using Monitoring.Core.Configuration;

namespace Monitoring.Service.Otlp;

/// <summary>The validated <c>Monitoring:Otlp</c> section, with the standard OTLP variables taken into account.</summary>
/// <param name="Enabled">Whether to export at all.</param>
/// <param name="Endpoint">The configured endpoint, or null to leave it to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</param>
/// <param name="Protocol">The configured protocol (<c>grpc</c>, <c>http/protobuf</c>), or null to leave it to the SDK.</param>
/// <param name="ExportInterval">Time between exports.</param>
internal sealed record OtlpSettings(bool Enabled, Uri? Endpoint, string? Protocol, TimeSpan ExportInterval)
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    private const string Key = "Monitoring:Otlp";

    /// <summary>Validates <paramref name="options"/>; <paramref name="environment"/> says which standard variables are set.</summary>
    public static OtlpSettings From(OtlpOptions options, Func<string, string?> environment, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(problems);
        Uri? endpoint = null;
        if (options.Endpoint is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                problems.Add($"{Key}:Endpoint: '{text}' is not an http:// or https:// URL (e.g. http://collector:4317 for grpc, http://collector:4318/v1/metrics for http/protobuf)");
                endpoint = null;
            }
        }

        var protocol = options.Protocol;
        if (protocol is not null && protocol is not (Grpc or HttpProtobuf))
        {
            problems.Add($"{Key}:Protocol: '{protocol}' is not a protocol; use {Grpc} or {HttpProtobuf}");
            protocol = null;
        }

        var interval = options.ExportIntervalSeconds ?? OtlpOptions.DefaultExportIntervalSeconds;
        if (interval is < 1 or > 3600)
        {
            problems.Add($"{Key}:ExportIntervalSeconds: {interval} is out of range; allowed 1 to 3600 (default {OtlpOptions.DefaultExportIntervalSeconds})");
            interval = OtlpOptions.DefaultExportIntervalSeconds;
        }

        var fromEnvironment = !string.IsNullOrEmpty(environment("OTEL_EXPORTER_OTLP_ENDPOINT")) || !string.IsNullOrEmpty(environment("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"));
        return new OtlpSettings(options.Endpoint is not null || fromEnvironment, endpoint, protocol, TimeSpan.FromSeconds(interval));
    }
}
