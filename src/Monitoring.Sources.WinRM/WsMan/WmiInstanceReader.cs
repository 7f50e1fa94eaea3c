using System.Xml;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>Reads one WMI instance element off an <see cref="XmlReader"/> without building a DOM.</summary>
/// <remarks>
/// WinRM writes an instance as an element named after the class whose children are its properties;
/// a projection (<c>SELECT a, b FROM ...</c>) arrives as <c>w:XmlFragment</c> with bare children.
/// A property's value is its text, except: <c>xsi:nil="true"</c> is null; a datetime or interval is
/// wrapped in a <c>cim:</c> element whose text is taken; any other element content is a nested
/// instance (an embedded object, or an entry of a method's output array). A nested instance written
/// as one element named after its class is read as that class.
/// </remarks>
internal static class WmiInstanceReader
{
    /// <summary>Reads the element the reader is on, through its end tag.</summary>
    public static WmiInstance Read(XmlReader reader)
    {
        var className = reader.LocalName == "XmlFragment" && reader.NamespaceURI == WsManXml.WsMan ? null : reader.LocalName;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new WmiInstance(className, new Dictionary<string, List<object?>>(StringComparer.Ordinal));
        }

        var depth = reader.Depth;
        reader.Read();
        return new WmiInstance(className, ReadChildren(reader, depth));
    }

    /// <summary>Reads sibling property elements until the end tag at <paramref name="parentDepth"/>, and that end tag.</summary>
    private static Dictionary<string, List<object?>> ReadChildren(XmlReader reader, int parentDepth)
    {
        var properties = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var name = reader.LocalName;
            var value = ReadValue(reader);
            if (!properties.TryGetValue(name, out var values))
            {
                properties[name] = values = new List<object?>(1);
            }

            values.Add(value);
        }

        reader.Read();
        return properties;
    }

    /// <summary>Reads a property element through its end tag and returns its value.</summary>
    private static object? ReadValue(XmlReader reader)
    {
        if (reader.GetAttribute("nil", WsManXml.Xsi) is "true")
        {
            reader.Skip();
            return null;
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        string? text = null;
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.NamespaceURI == WsManXml.CimCommon && text is null)
                {
                    // cim:Datetime, cim:Interval, cim:Date, cim:Time: the text is the value.
                    text = reader.ReadElementContentAsString();
                    continue;
                }

                return Nested(ReadChildren(reader, depth));
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                text = string.Concat(text, reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        return text ?? string.Empty;
    }

    private static WmiInstance Nested(Dictionary<string, List<object?>> children)
    {
        // <p:SummaryInformation><p:Msvm_SummaryInformation>...</p:Msvm_SummaryInformation></p:SummaryInformation>:
        // one child holding properties is the embedded object, named by its class.
        if (children.Count == 1)
        {
            var (name, values) = children.First();
            if (values is [WmiInstance { ClassName: null } inner])
            {
                return inner.Named(name);
            }
        }

        return new WmiInstance(null, children);
    }
}
