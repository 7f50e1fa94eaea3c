namespace Monitoring.Service.Exports;

/// <summary>Gives a test "is this object in maintenance now?" (in the service, <c>AlertDesk.MaintenanceAsync</c>), so
/// that an exported alert carries <c>inMaintenance</c> as <c>GET /api/v1/alerts/{id}</c> shows it.</summary>
internal delegate Task<Func<string, bool>> MaintenanceLookup(CancellationToken cancellationToken);
