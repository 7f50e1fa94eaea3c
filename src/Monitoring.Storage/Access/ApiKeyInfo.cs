using Monitoring.Core.Access;

namespace Monitoring.Storage.Access;

/// <summary>What may be shown about a key: never the key, never its hash.</summary>
public sealed record ApiKeyInfo(string Name, ApiRole Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);
