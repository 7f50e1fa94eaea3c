namespace Monitoring.Reports.Capacity;

/// <summary>How many more VMs of the average size fit in a scope, and which resource runs out first.</summary>
/// <param name="AverageVmCpus">CPU demand of the average VM, in logical processors: the scope's p95 CPU demand
/// divided by its powered-on VMs.</param>
/// <param name="AverageVmMemoryBytes">Configured memory of the average powered-on VM.</param>
/// <param name="AverageFrom"><c>scope</c> when the scope's own VMs define the average, <c>estate</c> when it has none
/// running and the estate's average is used.</param>
/// <param name="ReserveHosts">Hosts held back for failover (their capacity is left out).</param>
/// <param name="ByCpu">VMs that fit by CPU; null when the scope has no CPU data.</param>
/// <param name="ByMemory">VMs that fit by memory; null when no host reports its memory.</param>
/// <param name="Vms">The smaller of the two, never below 0.</param>
/// <param name="Binding">The resource that limits: <c>cpu</c> or <c>memory</c>.</param>
public sealed record Headroom(
    double AverageVmCpus,
    long AverageVmMemoryBytes,
    string AverageFrom,
    int ReserveHosts,
    int? ByCpu,
    int? ByMemory,
    int Vms,
    string Binding);
