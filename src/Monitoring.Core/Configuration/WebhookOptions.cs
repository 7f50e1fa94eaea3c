namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Alerting:Webhooks</c>: a receiver that gets every alert change as signed JSON.</summary>
public sealed class WebhookOptions
{
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultMaxAttempts = 10;

    /// <summary>Unique name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; up to 64): in logs, metrics and the stored position.</summary>
    public string? Name { get; set; }

    /// <summary>Where to POST: an http or https URL, without user information.</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 key. Prefer <see cref="SecretFile"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>A file (readable only by its owner) holding the HMAC-SHA256 key.</summary>
    public string? SecretFile { get; set; }

    /// <summary>Seconds one delivery attempt may take, 1 to 300. Default 10.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Attempts per change before it is given up (logged, counted), 1 to 1000; 0 never gives up. Default 10
    /// (with backoff from 1 s doubling to 5 minutes, about 20 minutes of trying).</summary>
    public int? MaxAttempts { get; set; }
}
