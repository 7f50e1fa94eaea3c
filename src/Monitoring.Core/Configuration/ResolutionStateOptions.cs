namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Health:ResolutionStates</c>: a custom alert resolution state.</summary>
public sealed class ResolutionStateOptions
{
    /// <summary>Its number, 2-248. Required.</summary>
    public int? Value { get; set; }

    /// <summary>Its name (for example "Waiting for vendor"). Required.</summary>
    public string? Name { get; set; }
}
