using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Exports.Alertmanager;
using Monitoring.Service.Exports.Webhooks;
using Monitoring.Service.Metrics;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Exports;

/// <summary>Adds the alert exports the configuration asks for to the running service (the <c>run</c> verb).</summary>
/// <remarks>They read <see cref="HealthModel.Storage.IAlertChangeLog"/> and <see cref="HealthModel.Storage.IAlertStore"/>
/// from the container when they start (the health hosting always registers the database store).</remarks>
internal static class AlertExportExtensions
{
    public static IServiceCollection AddAlertExports(this IServiceCollection services, AlertExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(sp => sp.GetRequiredService<PrometheusExporter>().Exports);
        if (settings.Alertmanager is { } alertmanager)
        {
            services.AddHostedService(sp => new AlertmanagerPusher(
                alertmanager, sp, sp.GetRequiredService<IExportPositionStore>(), sp.GetRequiredService<ExportMetrics>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlertmanagerPusher>>()));
        }

        if (settings.Webhooks.Count > 0)
        {
            services.AddHostedService(sp => new WebhookDispatcher(
                settings.Webhooks, sp, sp.GetRequiredService<IExportPositionStore>(), sp.GetRequiredService<ExportMetrics>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WebhookDispatcher>>()));
        }

        return services;
    }
}
