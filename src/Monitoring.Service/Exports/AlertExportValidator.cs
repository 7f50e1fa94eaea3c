using System.Globalization;
using System.Text;
using Monitoring.Core.Collection;
using Monitoring.Core.Configuration;
using Monitoring.Service.Configuration;

namespace Monitoring.Service.Exports;

/// <summary>Checks <c>Monitoring:Alerting</c>'s export keys; each problem names its key and what is allowed. Secrets
/// are read from their files here and never echoed.</summary>
internal static class AlertExportValidator
{
    private const string Key = "Monitoring:Alerting";

    public static AlertExportSettings Validate(AlertingOptions options, string baseDirectory, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AlertExportSettings(Alertmanager(options.Alertmanager, baseDirectory, problems), Webhooks(options.Webhooks, baseDirectory, problems));
    }

    /// <summary>Letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, 1 to 64: a webhook's or a connector's name.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public const string NameRule = "1-64 letters, digits, '.', '_' or '-'";

    private static AlertmanagerSettings? Alertmanager(AlertmanagerOptions options, string baseDirectory, List<string> problems)
    {
        const string Am = Key + ":Alertmanager";
        var timeout = Seconds(options.TimeoutSeconds, AlertmanagerOptions.DefaultTimeoutSeconds, 1, 300, $"{Am}:TimeoutSeconds", problems);
        var resend = Seconds(options.ResendIntervalSeconds, AlertmanagerOptions.DefaultResendIntervalSeconds, 5, 3600, $"{Am}:ResendIntervalSeconds", problems);
        var resolved = Seconds(options.ResolvedResendMinutes, AlertmanagerOptions.DefaultResolvedResendMinutes, 1, 1440, $"{Am}:ResolvedResendMinutes", problems) * 60;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            if (options.BearerTokenFile is not null || options.Username is not null || options.PasswordFile is not null)
            {
                problems.Add($"{Am}:Url: required when credentials are set; e.g. http://127.0.0.1:9093");
            }

            return null;
        }

        var urls = new List<Uri>();
        foreach (var text in options.Url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (HttpUrl(text, $"{Am}:Url", "e.g. http://127.0.0.1:9093; several separated by ';'", problems) is { } url)
            {
                urls.Add(url);
            }
        }

        Secret? authorization = null;
        if (options.BearerTokenFile is not null && (options.Username is not null || options.PasswordFile is not null))
        {
            problems.Add($"{Am}: set BearerTokenFile or Username with PasswordFile, not both");
        }
        else if (options.BearerTokenFile is not null)
        {
            authorization = ReadFile(options.BearerTokenFile, $"{Am}:BearerTokenFile", baseDirectory, problems) is { } token ? new Secret("Bearer " + token) : null;
        }
        else if (options.Username is not null || options.PasswordFile is not null)
        {
            if (string.IsNullOrEmpty(options.Username) || options.PasswordFile is null)
            {
                problems.Add($"{Am}: Basic authentication needs both Username and PasswordFile");
            }
            else if (ReadFile(options.PasswordFile, $"{Am}:PasswordFile", baseDirectory, problems) is { } password)
            {
                authorization = new Secret("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{password}")));
            }
        }

        return urls.Count == 0 ? null : new AlertmanagerSettings(urls, authorization, TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(resend), TimeSpan.FromSeconds(resolved));
    }

    private static List<WebhookSettings> Webhooks(IList<WebhookOptions> options, string baseDirectory, List<string> problems)
    {
        var webhooks = new List<WebhookSettings>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Count; i++)
        {
            var w = options[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{Key}:Webhooks:{i}");
            if (!IsValidName(w.Name))
            {
                problems.Add($"{key}:Name: required, {NameRule}");
            }
            else if (!names.Add(w.Name!))
            {
                problems.Add($"{key}:Name: '{w.Name}' is used by another webhook; names are unique (case ignored)");
            }

            var url = string.IsNullOrWhiteSpace(w.Url)
                ? Missing($"{key}:Url", "required; an http or https URL", problems)
                : HttpUrl(w.Url, $"{key}:Url", "an http or https URL", problems);
            var timeout = Seconds(w.TimeoutSeconds, WebhookOptions.DefaultTimeoutSeconds, 1, 300, $"{key}:TimeoutSeconds", problems);
            var attempts = w.MaxAttempts ?? WebhookOptions.DefaultMaxAttempts;
            if (attempts is < 0 or > 1000)
            {
                problems.Add($"{key}:MaxAttempts: {attempts} is out of range; 1 to 1000, or 0 to never give up (default {WebhookOptions.DefaultMaxAttempts})");
            }

            var secret = Secret(w, key, baseDirectory, problems);
            if (IsValidName(w.Name) && url is not null && secret is not null)
            {
                webhooks.Add(new WebhookSettings(w.Name!, url, secret, TimeSpan.FromSeconds(timeout), attempts));
            }
        }

        return webhooks;
    }

    private static Secret? Secret(WebhookOptions w, string key, string baseDirectory, List<string> problems)
    {
        var hasInline = !string.IsNullOrEmpty(w.Secret);
        var hasFile = !string.IsNullOrWhiteSpace(w.SecretFile);
        if (hasInline == hasFile)
        {
            problems.Add(hasInline
                ? $"{key}: set Secret or SecretFile, not both"
                : $"{key}:Secret: required (the receiver checks the HMAC-SHA256 signature with it); set Secret (or Monitoring__Alerting__Webhooks__N__Secret) or SecretFile");
            return null;
        }

        var value = hasInline ? w.Secret : ReadFile(w.SecretFile!, $"{key}:SecretFile", baseDirectory, problems);
        return value is null ? null : new Secret(value);
    }

    private static string? ReadFile(string file, string key, string baseDirectory, List<string> problems)
    {
        var path = Path.GetFullPath(file, baseDirectory);
        var value = PasswordFile.TryRead(key, path, out var problem);
        if (problem is not null)
        {
            problems.Add(problem);
            return null;
        }

        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{key}: {path} is empty");
            return null;
        }

        return value;
    }

    private static Uri? HttpUrl(string text, string key, string example, List<string> problems)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{key}: not an http or https URL; {example}"); // not echoed: it could hold a password typed in the wrong place
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"{key}: must not carry credentials in the URL; use the credential keys beside it");
            return null;
        }

        return uri;
    }

    private static Uri? Missing(string key, string rule, List<string> problems)
    {
        problems.Add($"{key}: {rule}");
        return null;
    }

    private static int Seconds(int? value, int defaultValue, int min, int max, string key, List<string> problems)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (value < min || value > max)
        {
            problems.Add($"{key}: {value} is out of range; {min} to {max} (default {defaultValue})");
            return defaultValue;
        }

        return value.Value;
    }
}
