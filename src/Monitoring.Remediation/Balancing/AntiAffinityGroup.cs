namespace Monitoring.Remediation.Balancing;

/// <summary>VMs that must not share a host (for example the two nodes of a guest cluster).</summary>
public sealed record AntiAffinityGroup(string Name, IReadOnlyList<string> VmIds);
