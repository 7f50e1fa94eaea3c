using System.Globalization;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>One WMI object as WinRM returned it: its class and its properties, each with one or more
/// values (arrays repeat the element). A value is text, a nested instance (an embedded object or a
/// method's output array), or null for <c>xsi:nil</c>.</summary>
/// <remarks>Values stay text until asked for: WinRM writes every CIM type as its XML text, and a
/// collector reads only a few properties of each object.</remarks>
internal sealed class WmiInstance
{
    private readonly Dictionary<string, List<object?>> _properties;

    public WmiInstance(string? className, Dictionary<string, List<object?>> properties)
    {
        ClassName = className;
        _properties = properties;
    }

    /// <summary>The WMI class (the element's name), or null for a projection (<c>w:XmlFragment</c>).</summary>
    public string? ClassName { get; }

    /// <summary>The property names present, in reply order.</summary>
    public IEnumerable<string> PropertyNames => _properties.Keys;

    /// <summary>True when the reply carried <paramref name="name"/> at all (even as nil).</summary>
    public bool Has(string name) => _properties.ContainsKey(name);

    /// <summary>The first text value of <paramref name="name"/>, or null when absent or nil.</summary>
    public string? String(string name) =>
        _properties.TryGetValue(name, out var values) && values.Count > 0 ? values[0] as string : null;

    /// <summary>Every text value of an array property.</summary>
    public IReadOnlyList<string> Strings(string name) =>
        _properties.TryGetValue(name, out var values) ? values.OfType<string>().ToList() : [];

    /// <summary>Every nested instance of <paramref name="name"/> (embedded objects, output arrays).</summary>
    public IReadOnlyList<WmiInstance> Instances(string name) =>
        _properties.TryGetValue(name, out var values) ? values.OfType<WmiInstance>().ToList() : [];

    /// <summary>An unsigned or signed integer property, or null when absent, nil or not a number.</summary>
    public long? Int64(string name) =>
        long.TryParse(String(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A floating-point property, or null when absent, nil or not a number.</summary>
    public double? Double(string name) =>
        double.TryParse(String(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A boolean property (<c>true</c>/<c>false</c>), or null.</summary>
    public bool? Boolean(string name) => String(name) switch
    {
        "true" or "True" or "1" => true,
        "false" or "False" or "0" => false,
        _ => null,
    };

    /// <summary>The same properties under a class name (an embedded object named by its wrapper element).</summary>
    public WmiInstance Named(string className) => new(className, _properties);

    public override string ToString() => $"{ClassName ?? "XmlFragment"} ({_properties.Count} properties)";
}
