using Microsoft.Extensions.DependencyInjection;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Maintenance;
using Monitoring.Service.Configuration;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Service.HealthHosting;

/// <summary>What the API and the command line act on alerts with: the tracker over the database (so an
/// acknowledgement from either is the same change, logged the same way) and whether an object is in maintenance.</summary>
/// <remarks>In the service the running engine answers for maintenance; the command line, which has no engine, builds
/// the health tree from the stored inventory to see windows on a host group or target above an object.</remarks>
internal sealed class AlertDesk
{
    private readonly EfMaintenanceWindowStore _windows;
    private readonly InventoryReader _inventory;
    private readonly LoadedConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;

    public AlertDesk(EfAlertStore store, EfMaintenanceWindowStore windows, InventoryReader inventory, LoadedConfiguration configuration, TimeProvider time, IServiceProvider services)
    {
        Store = store;
        _windows = windows;
        _inventory = inventory;
        _configuration = configuration;
        _time = time;
        _services = services;
        Tracker = new AlertTracker(store, configuration.Health.Catalog(), time);
    }

    public EfAlertStore Store { get; }

    public AlertTracker Tracker { get; }

    /// <summary>A test "is this object in maintenance now?" (an object, or anything above it in the health tree).</summary>
    public async Task<Func<string, bool>> MaintenanceAsync(CancellationToken cancellationToken)
    {
        if (_services.GetService<HealthService>()?.Engine is { } engine)
        {
            return id => engine.Maintenance.StatusOf(id).InMaintenance;
        }

        var stored = await _inventory.ReadAsync(includeGone: false, cancellationToken).ConfigureAwait(false);
        var factory = new HealthTopologyFactory(_configuration.Health, [.. _configuration.Targets.Select(t => t.Name)]);
        var (topology, _) = factory.Build(HealthTopologyFactory.FromStored(stored));
        var schedule = new MaintenanceSchedule(new ConfiguredMaintenanceWindowStore(_windows, _configuration.Health.MaintenanceWindows), topology, _time);
        return id => schedule.StatusOf(id).InMaintenance;
    }
}
