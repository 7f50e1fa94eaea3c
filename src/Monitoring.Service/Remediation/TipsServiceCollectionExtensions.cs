using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Remediation.Tips;

namespace Monitoring.Service.Remediation;

/// <summary>Registers where tips live and their lifecycle, for the service and the CLI alike.</summary>
public static class TipsServiceCollectionExtensions
{
    public static IServiceCollection AddTips(this IServiceCollection services)
    {
        // Tips are kept in memory until the database store lands; TryAdd lets it take this place.
        services.TryAddSingleton<ITipStore, InMemoryTipStore>();
        services.TryAddSingleton<TipLifecycle>();
        return services;
    }
}
