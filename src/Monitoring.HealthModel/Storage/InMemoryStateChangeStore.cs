using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Storage;

/// <summary>State history in memory (tests; a database store replaces it in the service).</summary>
public sealed class InMemoryStateChangeStore : IStateChangeStore
{
    private readonly Lock _gate = new();
    private readonly List<StateChange> _changes = [];

    public void Append(StateChange change)
    {
        lock (_gate)
        {
            _changes.Add(change);
        }
    }

    public IReadOnlyList<StateChange> Query(string? objectId, DateTimeOffset from, int max)
    {
        lock (_gate)
        {
            return _changes.Where(c => (objectId is null || c.ObjectId == objectId) && c.At >= from).Take(max).ToList();
        }
    }
}
