using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reads a <c>RetrievePropertiesExResponse</c> (or its Continue form) one object at a time.</summary>
internal static class RetrieveResultReader
{
    /// <summary>Passes each object to <paramref name="onObject"/> and returns the continuation token, if any.</summary>
    /// <remarks>An empty result has no <c>returnval</c> at all.</remarks>
    public static async Task<string?> ReadAsync(XmlReader reader, Action<ObjectContent> onObject, CancellationToken cancellationToken)
    {
        string? token = null;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        await reader.ReadAsync().ConfigureAwait(false);
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            switch (reader.LocalName)
            {
                case "returnval":
                    if (reader.IsEmptyElement)
                    {
                        await reader.ReadAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await reader.ReadAsync().ConfigureAwait(false); // step inside; its children follow
                    }

                    break;
                case "token":
                    token = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    break;
                case "objects":
                    var element = (XElement)await XNode.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
                    onObject(Parse(element));
                    break;
                default:
                    await reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        return string.IsNullOrEmpty(token) ? null : token;
    }

    /// <summary>Reads one <c>objects</c> element: its reference, property values and missing properties.</summary>
    public static ObjectContent Parse(XElement objects)
    {
        var obj = VimXml.Child(objects, "obj") ?? throw new XmlException("an object in the reply has no 'obj'");
        var properties = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in objects.Elements())
        {
            if (child.Name.LocalName == "propSet" && VimXml.ChildText(child, "name") is { } name && VimXml.Child(child, "val") is { } val)
            {
                properties[name] = val;
            }
            else if (child.Name.LocalName == "missingSet" && VimXml.ChildText(child, "path") is { } path)
            {
                // <fault><fault xsi:type="NoPermission">...</fault><localizedMessage/></fault>
                var fault = VimXml.Child(child, "fault");
                var inner = fault is null ? null : VimXml.Child(fault, "fault");
                missing[path] = (inner is null ? null : VimXml.XsiType(inner)) ?? (fault is null ? null : VimXml.XsiType(fault)) ?? "Unknown";
            }
        }

        return new ObjectContent(VimXml.ReadReference(obj), properties, missing);
    }
}
