namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Otlp</c> section: OTLP export of the metrics served on /metrics.</summary>
/// <remarks>Export is on when <see cref="Endpoint"/> is set, or when the standard variable
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>) is; the other standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables (headers, timeout, compression, certificates) and
/// <c>OTEL_RESOURCE_ATTRIBUTES</c> apply as the OpenTelemetry SDK defines them. Keys set here win over the variables.</remarks>
public sealed class OtlpOptions
{
    public const int DefaultExportIntervalSeconds = 60;

    /// <summary>Where to send: for <c>grpc</c> the collector's base URL (<c>http://collector:4317</c>); for
    /// <c>http/protobuf</c> the full URL with its path (<c>http://collector:4318/v1/metrics</c>). Absent: off,
    /// unless the standard variable sets one.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>. Default: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else <c>grpc</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>Seconds between two exports, 1 to 3600. Default 60.</summary>
    public int? ExportIntervalSeconds { get; set; }
}
