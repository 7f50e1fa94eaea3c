using Monitoring.Core.Model;

namespace Monitoring.Storage.Records;

/// <summary>One change of health, as kept in the state history (see <c>Monitoring.HealthModel.Model.StateChange</c>).</summary>
public sealed class StateChangeRecord
{
    public long Id { get; set; }

    public required string ObjectId { get; set; }

    /// <summary>The unit monitor, or null for the object's rolled-up health.</summary>
    public string? Monitor { get; set; }

    public HealthState From { get; set; }

    public HealthState To { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Cause { get; set; }

    public bool InMaintenance { get; set; }

    public bool Flapping { get; set; }
}
