namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Remediation:Hooks</c>: an operator's script or webhook that a tip's <c>hook</c>
/// action runs by name. Set either <see cref="Script"/> or <see cref="Url"/>.</summary>
/// <remarks>Where a hook points comes only from here: a tip (from the API, the balancer or an alert rule) carries the
/// hook's name, never a path or a URL, so nobody who can raise or implement a tip can make the service run
/// something the config file does not name.</remarks>
public sealed class RemediationHookOptions
{
    /// <summary>Seconds a hook may run when none is configured.</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary>The longest a hook may be given, in seconds (one hour).</summary>
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>Unique name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; up to 64), the one a tip's action names.</summary>
    public string? Name { get; set; }

    /// <summary>An absolute path to an executable file, started directly (no shell) with the tip as JSON on stdin.</summary>
    public string? Script { get; set; }

    /// <summary>The script's arguments, passed as they are (no shell expansion). Only with <see cref="Script"/>.</summary>
    public IList<string> Arguments { get; } = [];

    /// <summary>A URL the tip is POSTed to as signed JSON: https, or http to <c>127.0.0.1</c>/<c>localhost</c> only,
    /// unless <see cref="AllowHttp"/> is set.</summary>
    public string? Url { get; set; }

    /// <summary>Lets <see cref="Url"/> be plain http to another host (the body and signature then travel in clear).
    /// Default false.</summary>
    public bool? AllowHttp { get; set; }

    /// <summary>The webhook's HMAC-SHA256 key, inline (e.g. from <c>Monitoring__Remediation__Hooks__0__Secret</c>).
    /// Prefer <see cref="SecretFile"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>A file (readable only by its owner) holding the webhook's HMAC-SHA256 key.</summary>
    public string? SecretFile { get; set; }

    /// <summary>Seconds the hook may take, 1 to 3600: a script is killed (with its children) after it, a webhook
    /// given up. Default 60.</summary>
    public int? TimeoutSeconds { get; set; }
}
