using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Service.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Sources.VSphere;
using Monitoring.Storage;

namespace Monitoring.Service;

/// <summary>All dependency wiring, in one place.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, LoadedConfiguration configuration, LogLevel logLevel)
    {
        services.AddLogging(logging => logging
            .SetMinimumLevel(logLevel)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)); // stdout carries only a verb's output
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration);
        services.AddSingleton(_ => MonitoringDatabase.Sqlite(configuration.Options.Storage.ConnectionString, configuration.BaseDirectory));
        services.AddSingleton<InventoryStore>();
        services.AddSingleton<InventoryReader>();
        services.AddSingleton<InventoryPass>();

        // The sources this build can collect. One line per source; no scanning.
        services.AddSingleton<IInventoryCollector, VSphereCollector>();
        services.AddSingleton<CollectorRegistry>();
        return services;
    }
}
