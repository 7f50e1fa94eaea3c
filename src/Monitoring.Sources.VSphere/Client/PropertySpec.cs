namespace Monitoring.Sources.VSphere.Client;

/// <summary>The properties to read for one managed-object type.</summary>
internal sealed record PropertySpec(string Type, IReadOnlyList<string> Paths);
