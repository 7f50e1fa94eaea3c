using Monitoring.Core.Model;

namespace Monitoring.HealthModel;

/// <summary>One unit monitor of an object as an operator sees it.</summary>
/// <param name="Monitor">The monitor's name.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="State">Its own current state.</param>
/// <param name="Shown">The state it contributes to the rollup (held at the worst while flapping).</param>
/// <param name="Since">When the current state began.</param>
/// <param name="Flapping">True while it changes state too often.</param>
public sealed record MonitorView(string Monitor, string DisplayName, HealthState State, HealthState Shown, DateTimeOffset? Since, bool Flapping);
