namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Health:MaintenanceWindows</c>: an object or host group in maintenance from
/// <see cref="Start"/> to <see cref="End"/> (its monitors keep recording, its alerts are held back).</summary>
public sealed class MaintenanceWindowOptions
{
    /// <summary>An inventory id, or <c>target:NAME</c>. Give exactly one of <see cref="Object"/> and <see cref="HostGroup"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The configuration key operators write is 'Object', as the API's field 'object'.")]
    public string? Object { get; set; }

    /// <summary>A host group's name.</summary>
    public string? HostGroup { get; set; }

    /// <summary>An ISO 8601 time with an offset (<c>2026-12-01T22:00:00Z</c>). Required.</summary>
    public string? Start { get; set; }

    /// <summary>An ISO 8601 time with an offset, after <see cref="Start"/>. Required.</summary>
    public string? End { get; set; }

    /// <summary>Why, shown with the window. Optional.</summary>
    public string? Reason { get; set; }
}
