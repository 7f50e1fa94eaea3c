namespace Monitoring.Sources.VSphere.Client;

/// <summary>One object of a property-collector reply: its reference, the properties that came back
/// (path to value) and those that could not be read (path to fault type).</summary>
internal sealed record ObjectContent(
    ManagedObjectReference Obj,
    IReadOnlyDictionary<string, PropertyValue> Properties,
    IReadOnlyDictionary<string, string> Missing);
