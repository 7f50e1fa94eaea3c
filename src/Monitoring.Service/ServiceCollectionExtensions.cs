using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Service.Api.Tips;
using Monitoring.Service.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Service.HealthHosting;
using Monitoring.Service.Hosting;
using Monitoring.Service.Metrics;
using Monitoring.Service.Remediation;
using Monitoring.Service.Remediation.Hooks;
using Monitoring.Service.Remediation.HyperV;
using Monitoring.Service.Remediation.VSphereTipActions;
using Monitoring.Service.Scheduling;
using Quartz;
using Monitoring.Sources.VSphere;
using Monitoring.Sources.WinRM;
using Monitoring.Sources.WinRM.HyperV;
using Monitoring.Sources.WinRM.VirtualServer;
using Monitoring.Sources.WinRM.Windows;
using Monitoring.Storage;
using Monitoring.Storage.Access;
using Monitoring.Storage.Exports;
using Monitoring.Service.Exports;

namespace Monitoring.Service;

/// <summary>All dependency wiring, in one place.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, LoadedConfiguration configuration, LogSettings log)
    {
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(log.Level).AddFilter("Microsoft", LogLevel.Warning);
            if (log.Json)
            {
                logging.AddJsonConsole(o =>
                {
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.UseUtcTimestamp = true;
                });
            }
            else
            {
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                });
            }

            // stdout carries only a verb's output.
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration);
        services.AddSingleton(_ => MonitoringDatabase.Create(configuration.Options.Storage.Provider, configuration.Options.Storage.ConnectionString, configuration.BaseDirectory));
        services.AddSingleton<InventoryStore>();
        services.AddSingleton<InventoryReader>();
        services.AddSingleton<IObjectNames, StoredObjectNames>();
        services.AddSingleton<InventoryPass>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditTrail>();
        services.AddHealthStores();
        services.AddTips();
        services.AddHookActions(configuration.Hooks);
        services.AddHyperVActions();
        services.AddVSphereTipActions(configuration);
        services.AddSingleton<IExportPositionStore, ExportPositionStore>();

        services.AddSingleton<SampleWriter>();
        services.AddSingleton<RollupMaintenance>();
        services.AddSingleton<SampleBuffer>();
        services.AddSingleton<PerformancePass>();

        // The sources this build can collect. One line per source and role; no scanning.
        services.AddSingleton<VSphereSessionPool>();
        services.AddSingleton<IInventoryCollector, VSphereCollector>();
        services.AddSingleton<IPerformanceCollector, VSpherePerformanceCollector>();
        services.AddSingleton<WinRMSessionPool>();
        services.AddSingleton<IInventoryCollector, WindowsCollector>();
        services.AddSingleton<IPerformanceCollector, WindowsPerformanceCollector>();
        services.AddSingleton<IInventoryCollector, HyperVCollector>();
        services.AddSingleton<IPerformanceCollector, HyperVPerformanceCollector>();
        services.AddSingleton<IInventoryCollector, VirtualServerCollector>();
        services.AddSingleton<IPerformanceCollector, VirtualServerPerformanceCollector>();
        services.AddSingleton<CollectorRegistry>();
        return services;
    }

    /// <summary>What the long-running service adds: the scheduler, the sample writer, the metrics.</summary>
    public static IServiceCollection AddMonitoringService(this IServiceCollection services, LoadedConfiguration configuration)
    {
        services.AddSingleton(new TargetDirectory(configuration.Targets));
        services.AddSingleton<CollectorStatus>();
        services.AddSingleton<InventoryCatalog>();
        services.AddSingleton<SampleFlushService>();
        services.AddHostedService(sp => sp.GetRequiredService<SampleFlushService>());
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<IRequestRecorder>(sp => sp.GetRequiredService<PrometheusExporter>());
        services.AddSingleton<IPassObserver, MetricsObserver>();
        services.AddSingleton<IPassObserver, StorageSampleObserver>();
        services.AddHostedService<Otlp.OtlpExportService>();
        services.AddHealthService();
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(configuration.Schedule.MaxConcurrentTargets);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<TargetScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<TargetScheduler>());
        services.AddHostedService<ConfigurationWatcher>();
        services.AddAlertExports(configuration.AlertExports);
        services.AddTipsService();
        services.AddAutomaticRemediation(configuration);
        return services;
    }
}
