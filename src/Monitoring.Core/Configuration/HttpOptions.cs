namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Http</c> section.</summary>
public sealed class HttpOptions
{
    /// <summary>Loopback only by default: exposing the service is a deliberate act.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8100";

    /// <summary>The listener's URLs, separated by <c>;</c>. Default <c>http://127.0.0.1:8100</c>.</summary>
    public string Urls { get; set; } = DefaultUrls;
}
