using System.Globalization;
using System.Text.Json;

namespace Monitoring.Service.Remediation.Alerts;

/// <summary>An Alertmanager webhook body (<c>version</c> "4"), read strictly where the receiver relies on a field
/// and leniently elsewhere: fields it does not use (<c>groupLabels</c>, <c>externalURL</c>, <c>truncatedAlerts</c>...)
/// may be absent or added by later Alertmanager versions.</summary>
internal sealed record WebhookMessage(string Status, string Receiver, IReadOnlyList<WebhookAlert> Alerts)
{
    public const string Version = "4";

    /// <summary>Reads the body, or lists every problem (naming the field) and reads nothing.</summary>
    public static WebhookMessage? Read(JsonElement root, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body: an Alertmanager webhook message (a JSON object) is required");
            return null;
        }

        var version = Text(root, "version");
        if (version != Version)
        {
            problems.Add(version is null
                ? "version: required; this receiver reads Alertmanager's webhook version \"4\""
                : $"version: \"{Clip(version)}\" is not supported; this receiver reads Alertmanager's webhook version \"4\"");
        }

        var status = Text(root, "status");
        if (status is not ("firing" or "resolved"))
        {
            problems.Add($"status: must be \"firing\" or \"resolved\"{(status is null ? string.Empty : $", not \"{Clip(status)}\"")}");
        }

        var alerts = new List<WebhookAlert>();
        if (!root.TryGetProperty("alerts", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("alerts: required, a list of alerts");
        }
        else
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ReadAlert(item, $"alerts[{i}]", problems) is { } alert)
                {
                    alerts.Add(alert);
                }

                i++;
            }
        }

        return problems.Count == 0 ? new WebhookMessage(status!, Text(root, "receiver") ?? string.Empty, alerts) : null;
    }

    private static WebhookAlert? ReadAlert(JsonElement item, string at, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: must be an object");
            return null;
        }

        var before = problems.Count;
        var status = Text(item, "status");
        if (status is not ("firing" or "resolved"))
        {
            problems.Add($"{at}.status: must be \"firing\" or \"resolved\"");
        }

        var fingerprint = Text(item, "fingerprint");
        if (string.IsNullOrWhiteSpace(fingerprint) || fingerprint.Length > 128)
        {
            problems.Add($"{at}.fingerprint: required (Alertmanager's fingerprint of the alert, at most 128 characters)");
        }

        var labels = Strings(item, "labels", $"{at}.labels", problems);
        if (labels is not null && (!labels.TryGetValue("alertname", out var name) || string.IsNullOrWhiteSpace(name)))
        {
            problems.Add($"{at}.labels.alertname: required");
        }

        var startsAt = Text(item, "startsAt");
        if (startsAt is null || !DateTimeOffset.TryParse(startsAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started))
        {
            problems.Add($"{at}.startsAt: required, an RFC 3339 time");
            started = default;
        }

        var annotations = item.TryGetProperty("annotations", out _) ? Strings(item, "annotations", $"{at}.annotations", problems) : null;
        if (problems.Count > before)
        {
            return null;
        }

        var description = annotations?.GetValueOrDefault("description") ?? annotations?.GetValueOrDefault("summary") ?? string.Empty;
        return new WebhookAlert(status!, labels!, description, started, fingerprint!);
    }

    private static Dictionary<string, string>? Strings(JsonElement item, string name, string at, List<string> problems)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: required, an object of string values");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{at}.{Clip(property.Name)}: must be a string");
                continue;
            }

            result[property.Name] = property.Value.GetString()!;
        }

        return result;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Echoes at most a short piece of a bad value.</summary>
    private static string Clip(string value) => value.Length > 32 ? value[..32] + "..." : value;
}
