using Microsoft.Extensions.DependencyInjection;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Api.Tips;
using Monitoring.Service.Collection;
using Monitoring.Service.Exports;
using Monitoring.Service.Metrics;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Service.HealthHosting;

/// <summary>The health model's wiring: the database stores (for the command line too) and the service's engine.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>The stores, for every verb. The EF alert store is also the alert change log the exports read.</summary>
    public static IServiceCollection AddHealthStores(this IServiceCollection services)
    {
        services.AddSingleton<EfAlertStore>();
        services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<EfAlertStore>());
        services.AddSingleton<IAlertChangeLog>(sp => sp.GetRequiredService<EfAlertStore>());
        services.AddSingleton<EfStateChangeStore>();
        services.AddSingleton<IStateChangeStore>(sp => sp.GetRequiredService<EfStateChangeStore>());
        services.AddSingleton<EfMaintenanceWindowStore>();
        services.AddSingleton<HealthPruning>();
        services.AddSingleton<AlertDesk>();
        services.AddSingleton<MaintenanceLookup>(sp => sp.GetRequiredService<AlertDesk>().MaintenanceAsync);
        return services;
    }

    /// <summary>The engine in the running service: a pass observer and a hosted service (registered ahead of the scheduler).</summary>
    public static IServiceCollection AddHealthService(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<PrometheusExporter>().Maintenance);
        services.AddSingleton<HealthService>();
        services.AddSingleton<IPassObserver>(sp => sp.GetRequiredService<HealthService>());

        // Replaces the stored inventory's names (the command line's): the engine holds them already.
        services.AddSingleton<IObjectNames, HealthObjectNames>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthService>());
        return services;
    }
}
