namespace Monitoring.Service.Exports;

/// <summary>Where alert changes go besides the API: Alertmanager (null: not pushed) and the webhooks.</summary>
internal sealed record AlertExportSettings(AlertmanagerSettings? Alertmanager, IReadOnlyList<WebhookSettings> Webhooks)
{
    public static AlertExportSettings None { get; } = new(null, []);
}
