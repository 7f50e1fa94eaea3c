using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Access;

/// <summary>Writes and reads the audit trail: every acting API call, every key created or revoked.</summary>
public sealed class AuditTrail
{
    public const string Succeeded = "succeeded";
    public const string Denied = "denied";
    public const string Refused = "refused";
    public const string Failed = "failed";

    private readonly MonitoringDatabase _database;

    public AuditTrail(MonitoringDatabase database) => _database = database;

    public async Task RecordAsync(AuditRecord entry, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        context.AuditTrail.Add(entry);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Newest first; <paramref name="actor"/> and <paramref name="action"/> filter exactly when given.</summary>
    public async Task<(IReadOnlyList<AuditRecord> Items, int Total)> ReadAsync(string? actor, string? action, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var query = context.AuditTrail.AsNoTracking();
        if (actor is not null)
        {
            query = query.Where(r => r.Actor == actor);
        }

        if (action is not null)
        {
            query = query.Where(r => r.Action == action);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await query.OrderByDescending(r => r.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (items, total);
    }

    public static AuditRecord Entry(DateTimeOffset at, string actor, string action, string? subject, string outcome, int? status) => new()
    {
        At = at,
        Actor = Clip(actor, 128)!,
        Action = Clip(action, 128)!,
        Subject = Clip(subject, 512),
        Outcome = outcome,
        Status = status,
    };

    /// <summary>Keeps text within its column; a request can carry a path longer than the column.</summary>
    public static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
