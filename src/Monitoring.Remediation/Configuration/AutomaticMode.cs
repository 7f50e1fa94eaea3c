namespace Monitoring.Remediation.Configuration;

/// <summary>Which tips the engine implements by itself in a host group (VMM's PRO automation by severity).</summary>
public enum AutomaticMode
{
    /// <summary>None: every tip waits for an operator (the default).</summary>
    Off,

    /// <summary>Critical tips only.</summary>
    Critical,

    /// <summary>Warning and Critical tips.</summary>
    WarningAndCritical,
}
