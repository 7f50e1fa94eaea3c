using Monitoring.Core.Model;

namespace Monitoring.Storage.Records;

/// <summary>An inventory object that the API lists and filters by name and health: hosts, VMs, clusters, datastores.</summary>
public interface IListedInventoryRecord : IInventoryRecord
{
    /// <summary>The name the object reports for itself; not unique.</summary>
    string Name { get; set; }

    /// <summary>Its health as last read.</summary>
    HealthState Health { get; set; }
}
