namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Balancer:AntiAffinityGroups</c>: VMs that must never share a host.</summary>
public sealed class AntiAffinityOptions
{
    /// <summary>A name for messages. Required.</summary>
    public string? Name { get; set; }

    /// <summary>Two or more VM inventory ids (<c>vc01/vm-42</c>).</summary>
    public IList<string> Vms { get; } = [];
}
