using Monitoring.Core.Access;

namespace Monitoring.Storage.Records;

/// <summary>An API key: its name, role and hash. The key itself is never stored.</summary>
public sealed class ApiKeyRecord
{
    public long Id { get; set; }

    /// <summary>The operator's name for the key (unique, also among revoked keys, so the audit trail stays unambiguous).</summary>
    public required string Name { get; set; }

    public ApiRole Role { get; set; }

    /// <summary>The key's public lookup part (12 hex digits), indexed.</summary>
    public required string LookupId { get; set; }

    /// <summary>SHA-256 of the whole key, 64 hex digits.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>When it was revoked; a revoked key never authenticates again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
