namespace Monitoring.Service.Api.Me;

/// <summary>The key a request was made with: its name and role (never the key itself).</summary>
internal sealed record MeDocument(string Name, string Role);
