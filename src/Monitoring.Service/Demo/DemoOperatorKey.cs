using System.Globalization;
using Monitoring.Core.Access;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Demo;

/// <summary>A demo-only convenience: <c>monitoring demo</c> makes an operator API key on its own database so the web
/// console can be tried at once, and prints it once beside the URLs. Each demo start revokes the keys earlier demo
/// runs made (only a hash is stored, so they could not be shown again anyway). A real service never does this: keys
/// come from <c>apikey create</c>.</summary>
internal static class DemoOperatorKey
{
    /// <summary>The actor the audit trail names for these keys, and how earlier ones are found.</summary>
    internal const string Actor = "demo";

    private const string NamePrefix = "demo-operator-";

    /// <summary>Revokes the live keys of earlier demo runs, then creates and returns a fresh operator key.</summary>
    public static async Task<(string Name, string Key)> CreateAsync(ApiKeyStore keys, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        foreach (var earlier in (await keys.ListAsync(ct).ConfigureAwait(false))
            .Where(k => k.RevokedAt is null && k.CreatedBy == Actor && k.Name.StartsWith(NamePrefix, StringComparison.Ordinal)))
        {
            await keys.RevokeAsync(earlier.Name, Actor, ct).ConfigureAwait(false);
        }

        // Names stay taken after a revoke: each run's key gets its own, by the start time.
        var name = NamePrefix + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return (name, await keys.CreateAsync(name, ApiRole.Operator, Actor, ct).ConfigureAwait(false));
    }
}
