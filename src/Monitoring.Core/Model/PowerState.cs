namespace Monitoring.Core.Model;

/// <summary>A VM's power state, normalised across hypervisors.</summary>
/// <remarks>Hyper-V "saved" and "paused" both map to <see cref="Suspended"/>: the VM holds memory state but runs nothing.</remarks>
public enum PowerState
{
    Unknown = 0,
    PoweredOn = 1,
    PoweredOff = 2,
    Suspended = 3,
}
