using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Access;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Access;

/// <summary>Creates, revokes, lists and checks API keys. Every check reads the database: nothing is cached,
/// so a revoked key fails on the very next request, in this process or any other sharing the database.</summary>
public sealed partial class ApiKeyStore
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public ApiKeyStore(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>What a key name may look like (also what the API and the command line tell the operator).</summary>
    public const string NameRule = "1-64 characters: letters, digits, '.', '_' and '-', starting with a letter or digit, and not starting with 'vmk_' (a name must not look like a key)";

    /// <remarks>Names are logged and audited; one that is a key pasted in the wrong place would put a key in the log.</remarks>
    public static bool IsValidName(string? name) =>
        name is not null && NamePattern().IsMatch(name) && !name.StartsWith(ApiKey.Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a key and records it in the audit trail, in one transaction.</summary>
    /// <returns>The key, to be shown once; only its hash is kept.</returns>
    /// <exception cref="ApiKeyException">The name is malformed or already taken (by a live or revoked key).</exception>
    public async Task<string> CreateAsync(string name, ApiRole role, string actor, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        if (!IsValidName(name))
        {
            await RefuseAsync(context, actor, "apikey.create", name, cancellationToken).ConfigureAwait(false);
            throw new ApiKeyException($"the key name must be {NameRule}");
        }

        if (await context.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken).ConfigureAwait(false))
        {
            await RefuseAsync(context, actor, "apikey.create", name, cancellationToken).ConfigureAwait(false);
            throw new ApiKeyException($"a key named '{name}' exists already (names stay taken after a revoke, so the audit trail stays unambiguous)");
        }

        var (key, lookupId) = ApiKey.Generate();
        var now = _time.GetUtcNow();
        context.ApiKeys.Add(new ApiKeyRecord { Name = name, Role = role, LookupId = lookupId, Hash = ApiKey.Hash(key), CreatedAt = now, CreatedBy = actor });
        context.AuditTrail.Add(AuditTrail.Entry(now, actor, "apikey.create", $"{name} ({ApiRoles.Name(role)})", AuditTrail.Succeeded, null));
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Revokes the live key named <paramref name="name"/> and records it in the audit trail.</summary>
    /// <exception cref="ApiKeyException">No live key has that name.</exception>
    public async Task RevokeAsync(string name, string actor, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var record = IsValidName(name)
            ? await context.ApiKeys.SingleOrDefaultAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken).ConfigureAwait(false)
            : null;
        if (record is null)
        {
            await RefuseAsync(context, actor, "apikey.revoke", name, cancellationToken).ConfigureAwait(false);

            // An invalid name is not echoed: it may be a key pasted in the wrong place.
            throw new ApiKeyNotFoundException(IsValidName(name)
                ? $"no live key is named '{name}'"
                : $"that is not a key name ({NameRule}); keys are revoked by name, see 'apikey list'");
        }

        var now = _time.GetUtcNow();
        record.RevokedAt = now;
        record.RevokedBy = actor;
        context.AuditTrail.Add(AuditTrail.Entry(now, actor, "apikey.revoke", name, AuditTrail.Succeeded, null));
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every key, live and revoked, oldest first. Hashes stay inside.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        return await context.ApiKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new ApiKeyInfo(k.Name, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The live key that <paramref name="presented"/> is, or null. Reads the database every time.</summary>
    public async Task<ApiKeyInfo?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        var lookupId = ApiKey.LookupIdOf(presented);
        if (lookupId is null)
        {
            return null;
        }

        await using var context = _database.CreateContext();
        var record = await context.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.LookupId == lookupId && k.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        return record is not null && ApiKey.Matches(presented, record.Hash)
            ? new ApiKeyInfo(record.Name, record.Role, record.CreatedAt, record.CreatedBy, record.RevokedAt, record.RevokedBy)
            : null;
    }

    /// <summary>A refused attempt is audited too: who tried to create or revoke what.</summary>
    private async Task RefuseAsync(MonitoringDbContext context, string actor, string action, string? name, CancellationToken cancellationToken)
    {
        // A refused name may be anything, a pasted key included: record it only when it is a plain name.
        var subject = name is not null && NamePattern().IsMatch(name) && !name.StartsWith(ApiKey.Prefix, StringComparison.OrdinalIgnoreCase) ? name : "(not a valid name)";
        context.AuditTrail.Add(AuditTrail.Entry(_time.GetUtcNow(), actor, action, subject, AuditTrail.Refused, null));
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
