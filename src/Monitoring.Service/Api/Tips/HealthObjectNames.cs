using Monitoring.Service.HealthHosting;

namespace Monitoring.Service.Api.Tips;

/// <summary>The service's names: those the health model holds (inventory, host groups, targets), current with the
/// last inventory pass, with no database read.</summary>
internal sealed class HealthObjectNames : IObjectNames
{
    private readonly HealthService _health;

    public HealthObjectNames(HealthService health) => _health = health;

    public Task<Func<string, string?>> LookupAsync(CancellationToken cancellationToken) => Task.FromResult<Func<string, string?>>(_health.KnownNameOf);
}
