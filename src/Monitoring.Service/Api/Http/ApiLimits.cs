namespace Monitoring.Service.Api.Http;

/// <summary>The API's fixed limits. Requests past them are refused with a 4xx that names the limit;
/// nothing is silently truncated.</summary>
internal static class ApiLimits
{
    /// <summary>Items per page when <c>limit</c> is not given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest <c>limit</c> accepted; above it the request gets 400.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The largest <c>offset</c> accepted (deep offsets make the database scan and skip).</summary>
    public const int MaxOffset = 1_000_000;

    /// <summary>The largest request body, bytes (Kestrel refuses more with 413). The API's bodies are a few hundred bytes.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>The longest free-text filter (a name fragment).</summary>
    public const int MaxFilterLength = 256;

    /// <summary>The most points one performance request may return (buckets times metrics).</summary>
    public const int MaxSeriesPoints = 20_000;
}
