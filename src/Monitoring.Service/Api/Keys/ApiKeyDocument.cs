namespace Monitoring.Service.Api.Keys;

/// <summary>A key as listed: its name, role and history. Never the key, never its hash.</summary>
internal sealed record ApiKeyDocument(string Name, string Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);
