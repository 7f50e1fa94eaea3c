namespace Monitoring.HealthModel.Alerts;

/// <summary>Alert priority, numbered as the operations manager numbers it.</summary>
public enum AlertPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
}
