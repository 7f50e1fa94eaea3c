using System.Globalization;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Namespaces of the vSphere SOAP dialect and readers for the values it returns.</summary>
internal static class VimXml
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Vim = "urn:vim25";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Reads a managed-object reference element (<c>&lt;x type="HostSystem"&gt;host-21&lt;/x&gt;</c>).</summary>
    public static ManagedObjectReference ReadReference(XElement element) =>
        new((string?)element.Attribute("type") ?? string.Empty, element.Value.Trim());

    /// <summary>The first child of <paramref name="parent"/> with a local name, whatever its namespace:
    /// servers and the simulator differ in how they qualify children.</summary>
    public static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string? ChildText(XElement parent, string localName) => Child(parent, localName)?.Value;

    public static long? AsLong(XElement? element) =>
        element is not null && long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static int? AsInt(XElement? element) =>
        element is not null && int.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static bool? AsBool(XElement? element) =>
        element is not null && bool.TryParse(element.Value, out var v) ? v : null;

    /// <summary>The <c>xsi:type</c> of an element without its prefix, e.g. <c>InvalidLogin</c>.</summary>
    public static string? XsiType(XElement element)
    {
        var type = (string?)element.Attribute(Xsi + "type");
        if (type is null)
        {
            return null;
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? type[(colon + 1)..] : type;
    }
}
