using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Storage.TipStores;

namespace Monitoring.Service.Remediation;

/// <summary>Registers where tips live, their lifecycle and the implementer (every verb), and the balancer and the
/// implementer's start/stop duties (the running service only). The one place tips are wired.</summary>
public static class TipsServiceCollectionExtensions
{
    /// <summary>For every verb: the database store, the lifecycle, the implementer, the balancer's planner.
    /// Executors (<see cref="ITipActionExecutor"/>) are registered by their sources; with none, an implemented tip
    /// ends Failed saying so.</summary>
    public static IServiceCollection AddTips(this IServiceCollection services)
    {
        services.TryAddSingleton<EfTipStore>();
        services.TryAddSingleton<TipPruning>();
        services.TryAddSingleton<ITipStore>(sp => sp.GetRequiredService<EfTipStore>());
        services.TryAddSingleton<TipLifecycle>();
        services.TryAddSingleton<TipImplementer>();
        services.TryAddSingleton<ITipImplementer>(sp => sp.GetRequiredService<TipImplementer>());
        services.TryAddSingleton<BalancerInputReader>();
        services.TryAddSingleton<BalancerPlanner>();
        return services;
    }

    /// <summary>For <c>run</c>: the balancer job and the implementer's start (fail interrupted tips) and stop.</summary>
    public static IServiceCollection AddTipsService(this IServiceCollection services)
    {
        services.AddHostedService<TipActionsService>();
        services.AddSingleton<BalancerService>();
        services.AddHostedService(sp => sp.GetRequiredService<BalancerService>());
        return services;
    }
}
