namespace Monitoring.HealthModel.Model;

/// <summary>What a node of the health tree stands for; rollup policies are chosen by parent and child kind.</summary>
public enum HealthObjectKind
{
    /// <summary>The whole estate: the single root of the tree.</summary>
    Estate,

    /// <summary>A host group defined by the operator (the way VMM groups hosts); may nest.</summary>
    HostGroup,

    /// <summary>A configured target (a vCenter, an ESX host, a Windows host reached over WinRM).</summary>
    Target,

    /// <summary>A cluster of hosts.</summary>
    Cluster,

    /// <summary>A virtualization host.</summary>
    Host,

    /// <summary>A virtual machine.</summary>
    Vm,

    /// <summary>A datastore.</summary>
    Datastore,
}
