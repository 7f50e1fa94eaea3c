using Monitoring.HealthModel.Monitors;

namespace Monitoring.HealthModel.Settings;

/// <summary>A monitor's settings for one object, after defaults and overrides.</summary>
public sealed record EffectiveMonitorSettings(bool Enabled, ThresholdSettings? Thresholds);
