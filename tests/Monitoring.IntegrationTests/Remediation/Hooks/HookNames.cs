using Monitoring.Service.Api.Tips;

namespace Monitoring.IntegrationTests.Remediation.Hooks;

/// <summary>The names a hook executor is given: a fixed table, as the stored inventory or the health model would give
/// them (those are tested with a real database and a real service: StoredObjectNamesTests, BalancerTipsTests).</summary>
internal sealed class HookNames(IReadOnlyDictionary<string, string> names) : IObjectNames
{
    public static HookNames None { get; } = new(new Dictionary<string, string>());

    public Task<Func<string, string?>> LookupAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Func<string, string?>>(id => names.GetValueOrDefault(id));
}
