using Monitoring.Core.Collection;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>A hook that POSTs the tip as JSON, signed like the alert webhooks (<c>X-Monitoring-Signature</c>).</summary>
/// <param name="Name">Its unique name.</param>
/// <param name="Url">Where to POST, from the config file only.</param>
/// <param name="Secret">The HMAC-SHA256 key; never logged.</param>
/// <param name="Timeout">After it, the request is given up.</param>
internal sealed record WebHook(string Name, Uri Url, Secret Secret, TimeSpan Timeout) : HookDefinition(Name, Timeout);
