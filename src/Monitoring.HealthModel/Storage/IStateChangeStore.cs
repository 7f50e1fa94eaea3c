using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Storage;

/// <summary>The state history: every change of every unit monitor and of every object's rolled-up health.</summary>
public interface IStateChangeStore
{
    void Append(StateChange change);

    /// <summary>Changes for one object (or all when null) from <paramref name="from"/> (inclusive), oldest first, at most <paramref name="max"/>.</summary>
    IReadOnlyList<StateChange> Query(string? objectId, DateTimeOffset from, int max);
}
