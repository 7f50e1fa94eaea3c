using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Rollup;

namespace Monitoring.HealthModel;

/// <summary>An object's health as the API and console show it: rolled-up state and cause, maintenance, its monitors.</summary>
public sealed record ObjectHealthView(string ObjectId, RolledHealth Health, MaintenanceStatus Maintenance, IReadOnlyList<MonitorView> Monitors);
