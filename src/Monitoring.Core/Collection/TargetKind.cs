namespace Monitoring.Core.Collection;

/// <summary>The kind of system a target is, which decides the protocol and the collector.</summary>
public enum TargetKind
{
    /// <summary>vCenter or a standalone ESX host, over the vSphere web services (SOAP over HTTPS).</summary>
    VSphere,

    /// <summary>A Hyper-V host over WinRM.</summary>
    HyperV,

    /// <summary>A Virtual Server 2005 R2 host over WinRM.</summary>
    VirtualServer,

    /// <summary>A physical or legacy Windows server over WinRM.</summary>
    Windows,
}
