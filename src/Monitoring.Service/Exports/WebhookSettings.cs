using Monitoring.Core.Collection;

namespace Monitoring.Service.Exports;

/// <summary>One validated entry of <c>Monitoring:Alerting:Webhooks</c>.</summary>
/// <param name="Name">Its unique name.</param>
/// <param name="Url">Where to POST.</param>
/// <param name="Secret">The HMAC-SHA256 key; never logged.</param>
/// <param name="Timeout">How long one attempt may take.</param>
/// <param name="MaxAttempts">Attempts per change before it is given up; 0: never.</param>
internal sealed record WebhookSettings(string Name, Uri Url, Secret Secret, TimeSpan Timeout, int MaxAttempts)
{
    /// <summary>Its key in the stored positions.</summary>
    public string ConsumerId => "webhook:" + Name;
}
