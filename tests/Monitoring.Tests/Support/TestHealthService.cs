using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Service.Configuration;
using Monitoring.Service.HealthHosting;
using Monitoring.Service.Metrics;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Tests.Support;

/// <summary>The health service wired as <c>run</c> wires it, on a real database and the test's clock, started (its
/// engine built from the stored inventory).</summary>
internal static class TestHealthService
{
    public static async Task<HealthService> StartedAsync(MonitoringDatabase database, LoadedConfiguration configuration, TimeProvider clock)
    {
        var service = new HealthService(
            configuration,
            new InventoryReader(database),
            new EfStateChangeStore(database),
            new EfAlertStore(database, clock),
            new EfMaintenanceWindowStore(database, clock),
            new MaintenanceMetrics(new MetricFamilies(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()))),
            clock,
            NullLogger<HealthService>.Instance);
        await service.StartAsync(CancellationToken.None);
        return service;
    }
}
