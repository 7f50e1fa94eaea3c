namespace Monitoring.Service.Api.Audit;

/// <summary>One audit entry: who, what, on what, when, and how it ended.</summary>
internal sealed record AuditEntryDocument(long Id, DateTimeOffset At, string Actor, string Action, string? Subject, string Outcome, int? Status);
