namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Health:Overrides</c>: changes one monitor for one host group or one object.
/// Only the values given change; the rest come from the enclosing group, then from <c>Monitoring:Thresholds</c>.</summary>
public sealed class MonitorOverrideOptions
{
    /// <summary>The monitor's name (<c>host.cpu</c>, <c>host.memory</c>, <c>vm.cpu</c>, <c>datastore.space</c>, ...). Required.</summary>
    public string? Monitor { get; set; }

    /// <summary>A host group's name. Give exactly one of <see cref="HostGroup"/> and <see cref="Object"/>.</summary>
    public string? HostGroup { get; set; }

    /// <summary>An inventory id (<c>vc01/host-21</c>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The configuration key operators write is 'Object', as the API's field 'object'.")]
    public string? Object { get; set; }

    /// <summary>False turns the monitor off for the scope.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Threshold monitors: the warning level, percent 0-100.</summary>
    public int? WarningPercent { get; set; }

    /// <summary>Threshold monitors: the critical level, percent 0-100.</summary>
    public int? CriticalPercent { get; set; }

    /// <summary>Threshold monitors: samples in a row before the state changes, 1-1000.</summary>
    public int? ConsecutiveSamples { get; set; }

    /// <summary>Threshold monitors: how far back past a level (percent points, 0-100) a value must go before the state eases.</summary>
    public int? HysteresisPercent { get; set; }
}
