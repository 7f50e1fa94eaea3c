namespace Monitoring.Core.Model;

/// <summary>What runs on a host.</summary>
public enum HypervisorKind
{
    Esx = 0,
    HyperV = 1,
    VirtualServer = 2,
    Windows = 3,
}
