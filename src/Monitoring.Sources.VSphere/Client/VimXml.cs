using System.Globalization;
using System.Text;
using System.Xml;
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

    public static int? AsInt(XElement? element) => element is null ? null : AsInt(element.Value);

    /// <summary>The <c>xsi:type</c> of an element without its prefix, e.g. <c>InvalidLogin</c>.</summary>
    public static string? XsiType(XElement element) => WithoutPrefix((string?)element.Attribute(Xsi + "type"));

    // The same readings straight from an XmlReader, for replies too large to turn into trees: the reader
    // is on the element's start tag, and a Read* method leaves it after the element's end.

    /// <summary>The <c>xsi:type</c> of the element the reader is on, without its prefix.</summary>
    public static string? XsiType(XmlReader reader) => WithoutPrefix(reader.GetAttribute("type", Xsi.NamespaceName));

    /// <summary>All text inside the element, as <see cref="XElement.Value"/> gives it.</summary>
    public static string ReadText(XmlReader reader)
    {
        var depth = reader.Depth;
        var empty = reader.IsEmptyElement;
        reader.Read();
        if (empty)
        {
            return string.Empty;
        }

        string? text = null;
        StringBuilder? more = null;
        while (reader.Depth > depth)
        {
            CollectText(reader, ref text, ref more);
            reader.Read();
        }

        reader.Read(); // the end tag
        return more?.ToString() ?? text ?? string.Empty;
    }

    /// <summary>Adds the node the reader is on, if it is text, to the text read so far: the first node's string as it
    /// is (most elements have one), later ones joined in order, as <see cref="XElement.Value"/> joins them.</summary>
    public static void CollectText(XmlReader reader, ref string? text, ref StringBuilder? more)
    {
        if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            if (text is null)
            {
                text = reader.Value;
            }
            else
            {
                (more ??= new StringBuilder(text)).Append(reader.Value);
            }
        }
    }

    /// <summary>Reads a managed-object reference element, like <see cref="ReadReference(XElement)"/>.</summary>
    public static ManagedObjectReference ReadReference(XmlReader reader)
    {
        var type = reader.GetAttribute("type") ?? string.Empty;
        return new(type, ReadText(reader).Trim());
    }

    /// <summary>Moves to the next child element of the element at <paramref name="depth"/>: call it first with the
    /// reader on that element, then after consuming each child (read or skipped). False, with the reader past the
    /// element, when no child is left.</summary>
    public static bool NextChild(XmlReader reader, int depth)
    {
        if (reader.Depth == depth && reader.NodeType == XmlNodeType.Element)
        {
            var empty = reader.IsEmptyElement;
            reader.Read();
            if (empty)
            {
                return false;
            }
        }

        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }

            reader.Read();
        }

        reader.Read(); // the end tag
        return false;
    }

    public static long? AsLong(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static int? AsInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string? WithoutPrefix(string? type)
    {
        if (type is null)
        {
            return null;
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? type[(colon + 1)..] : type;
    }
}
