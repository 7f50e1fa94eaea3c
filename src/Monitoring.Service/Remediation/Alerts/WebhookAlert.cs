namespace Monitoring.Service.Remediation.Alerts;

/// <summary>One alert of an Alertmanager webhook (version 4): what the receiver uses of it.</summary>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">Its labels, <c>alertname</c> among them.</param>
/// <param name="Description">The <c>description</c> annotation, else <c>summary</c>, else empty.</param>
/// <param name="StartsAt">When it started firing: with the fingerprint, it names one occurrence.</param>
/// <param name="Fingerprint">Alertmanager's hash of its labels.</param>
internal sealed record WebhookAlert(string Status, IReadOnlyDictionary<string, string> Labels, string Description, DateTimeOffset StartsAt, string Fingerprint)
{
    public string Name => Labels["alertname"];

    public bool Firing => Status == "firing";
}
