namespace Monitoring.Storage.Records;

/// <summary>One entry of the audit trail: who did what, when, and how it ended.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who: <c>key:NAME</c> for an API key, <c>cli:USER</c> for the command line, <c>anonymous</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What: <c>apikey.create</c>, <c>apikey.revoke</c>, or an API call as <c>METHOD /route/pattern</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it acted on: a key name, a request path. Never a secret.</summary>
    public string? Subject { get; set; }

    /// <summary><c>succeeded</c>, <c>denied</c> (no or wrong key), <c>refused</c> (bad request) or <c>failed</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The HTTP status of an API call; null for the command line.</summary>
    public int? Status { get; set; }
}
