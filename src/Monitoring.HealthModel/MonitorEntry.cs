using Monitoring.Core.Model;
using Monitoring.HealthModel.Monitors;
using Monitoring.HealthModel.Settings;

namespace Monitoring.HealthModel;

/// <summary>One live unit monitor in the engine, with its flapping count and the state it shows.</summary>
internal sealed class MonitorEntry
{
    public MonitorEntry(MonitorDefinition definition, UnitMonitor monitor, FlappingSettings flapping)
    {
        Definition = definition;
        Monitor = monitor;
        Flapping = new FlappingDetector(flapping);
    }

    public MonitorDefinition Definition { get; }

    public UnitMonitor Monitor { get; }

    public FlappingDetector Flapping { get; }

    public HealthState Shown { get; set; } = HealthState.Unknown;

    /// <summary>The monitor went bad during maintenance and its alert was held back; raised when the window ends if still bad.</summary>
    public bool AlertHeldBack { get; set; }
}
