namespace Monitoring.Service.Api.Keys;

/// <summary>The reply to a key's creation: the one time the key itself is shown.</summary>
internal sealed record CreatedApiKeyDocument(string Name, string Role, string Key);
