namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Http</c> section.</summary>
public sealed class HttpOptions
{
    /// <summary>Loopback only by default: exposing the service is a deliberate act.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8100";

    /// <summary>The listener's URLs, separated by <c>;</c>. Default <c>http://127.0.0.1:8100</c>.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>TLS for the listener (a certificate file and its key). Absent by default; with it every URL must be <c>https://</c>.</summary>
    public TlsOptions? Tls { get; set; }

    /// <summary>When true, <c>/metrics</c> needs an API key (reader role). Default false: Prometheus scrapes it openly.</summary>
    public bool MetricsRequireKey { get; set; }

    /// <summary>When true, <c>/healthz</c> and <c>/readyz</c> need an API key (reader role). Default false: probes call them openly.</summary>
    public bool HealthRequireKey { get; set; }
}
