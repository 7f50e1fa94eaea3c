using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reads a <c>RetrievePropertiesExResponse</c> (or its Continue form) one object at a time.</summary>
/// <remarks>At 20,000 VMs a reply runs to tens of megabytes. Each object is read straight from the reader:
/// a simple property value becomes its text, and only a value with child elements becomes a (small) tree,
/// never the object or the reply around them.</remarks>
internal static class RetrieveResultReader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Shared by every object with nothing missing (nearly all of them).</summary>
    private static readonly IReadOnlyDictionary<string, string> s_noneMissing = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Passes each object to <paramref name="onObject"/> and returns the continuation token, if any.</summary>
    /// <remarks>An empty result has no <c>returnval</c> at all. The reply is in memory (see <see cref="ReplyBuffer"/>),
    /// so the reader is read synchronously.</remarks>
    public static Task<string?> ReadAsync(XmlReader reader, Action<ObjectContent> onObject, CancellationToken cancellationToken)
    {
        string? token = null;
        if (reader.IsEmptyElement)
        {
            return Task.FromResult<string?>(null);
        }

        var scratch = new List<(string Name, PropertyValue Value)>();
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "returnval":
                    reader.Read(); // step inside (or past, when empty); its children follow
                    break;
                case "token":
                    token = reader.ReadElementContentAsString().Trim();
                    break;
                case "objects":
                    cancellationToken.ThrowIfCancellationRequested();
                    onObject(Read(reader, scratch));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return Task.FromResult(string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Reads one <c>objects</c> element: its reference, property values and missing properties.</summary>
    public static ObjectContent Parse(XElement objects)
    {
        using var reader = objects.CreateReader();
        reader.MoveToContent();
        return Read(reader, []);
    }

    /// <summary>Reads the <c>objects</c> element the reader is on and leaves the reader after it.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="scratch">Reused for each object's values, so its dictionary is made once at its final size
    /// (a growing one is rebuilt three times for a VM's nine properties, 20,000 times a pass).</param>
    private static ObjectContent Read(XmlReader reader, List<(string Name, PropertyValue Value)> scratch)
    {
        ManagedObjectReference? obj = null;
        scratch.Clear();
        Dictionary<string, string>? missing = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "obj" when obj is null:
                    obj = VimXml.ReadReference(reader);
                    break;
                case "propSet":
                    var (name, val) = ReadPropSet(reader);
                    if (name is not null && val is not null)
                    {
                        scratch.Add((name, val));
                    }

                    break;
                case "missingSet":
                    var (path, fault) = ReadMissingSet(reader);
                    if (path is not null)
                    {
                        (missing ??= new(StringComparer.Ordinal))[path] = fault;
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var properties = new Dictionary<string, PropertyValue>(scratch.Count, StringComparer.Ordinal);
        foreach (var (name, value) in scratch)
        {
            properties[name] = value; // a name sent twice keeps the last value read
        }

        return new ObjectContent(
            obj ?? throw new XmlException("an object in the reply has no 'obj'"),
            properties,
            missing ?? s_noneMissing);
    }

    /// <summary><c>&lt;propSet&gt;&lt;name&gt;runtime.host&lt;/name&gt;&lt;val ...&gt;...&lt;/val&gt;&lt;/propSet&gt;</c>; the first of each.</summary>
    private static (string? Name, PropertyValue? Val) ReadPropSet(XmlReader reader)
    {
        string? name = null;
        PropertyValue? val = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "name" when name is null:
                    name = VimXml.ReadText(reader);
                    break;
                case "val" when val is null:
                    val = ReadValue(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (name, val);
    }

    /// <summary>Reads the <c>val</c> element the reader is on and leaves the reader after it: its text and
    /// <c>type</c> attributes while it holds only text, the whole tree once a child element shows it is more.</summary>
    private static PropertyValue ReadValue(XmlReader reader)
    {
        // Names from the reader's name table (no allocation); turned into XNames only for a tree.
        var localName = reader.LocalName;
        var namespaceUri = reader.NamespaceURI;
        string? referenceType = null;
        string? xsiType = null;
        List<XAttribute>? others = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.LocalName == "type" && reader.NamespaceURI.Length == 0)
                {
                    referenceType = reader.Value;
                }
                else if (reader.LocalName == "type" && reader.NamespaceURI == VimXml.Xsi.NamespaceName)
                {
                    xsiType = reader.Value;
                }
                else if (reader.NamespaceURI != XmlnsNamespace || reader is not IXmlNamespaceResolver)
                {
                    // Rare: kept for the value that turns out to be a tree. A namespace declaration is not kept
                    // when the reader can list the declarations in scope later, as a tree then gets them: the
                    // simulator declares one on every value (an attribute and a list each, about 30 MB of an
                    // inventory pass at 20,000 VMs).
                    (others ??= []).Add(new XAttribute(XNamespace.Get(reader.NamespaceURI).GetName(reader.LocalName), reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new PropertyValue(string.Empty, referenceType, xsiType);
        }

        var depth = reader.Depth;
        reader.Read();
        string? text = null;
        StringBuilder? more = null;
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var tree = new XElement(
                    XNamespace.Get(namespaceUri).GetName(localName),
                    others,
                    referenceType is null ? null : new XAttribute("type", referenceType),
                    xsiType is null ? null : new XAttribute(VimXml.Xsi + "type", xsiType));

                // The prefixes in scope, for QName values inside the tree (xsi:type="vim25:..."); element names
                // are already resolved, so the default namespace is left out.
                var inScope = (reader as IXmlNamespaceResolver)?.GetNamespacesInScope(XmlNamespaceScope.ExcludeXml) ?? new Dictionary<string, string>();
                foreach (var (prefix, uri) in inScope)
                {
                    if (prefix.Length > 0)
                    {
                        tree.SetAttributeValue(XNamespace.Xmlns + prefix, uri);
                    }
                }

                if ((more?.ToString() ?? text) is { } leading)
                {
                    tree.Add(new XText(leading));
                }

                while (reader.Depth > depth)
                {
                    tree.Add(XNode.ReadFrom(reader));
                }

                reader.Read(); // the end tag
                return new PropertyValue(tree);
            }

            VimXml.CollectText(reader, ref text, ref more);
            reader.Read();
        }

        reader.Read(); // the end tag
        return new PropertyValue(more?.ToString() ?? text ?? string.Empty, referenceType, xsiType);
    }

    /// <summary><c>&lt;missingSet&gt;&lt;path/&gt;&lt;fault&gt;&lt;fault xsi:type="NoPermission"&gt;...&lt;/fault&gt;&lt;localizedMessage/&gt;&lt;/fault&gt;&lt;/missingSet&gt;</c>:
    /// the path and the inner fault's type (or the outer one's, or "Unknown").</summary>
    private static (string? Path, string Fault) ReadMissingSet(XmlReader reader)
    {
        string? path = null;
        XElement? fault = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "path" when path is null:
                    path = VimXml.ReadText(reader);
                    break;
                case "fault" when fault is null:
                    fault = (XElement)XNode.ReadFrom(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var inner = fault is null ? null : VimXml.Child(fault, "fault");
        return (path, (inner is null ? null : VimXml.XsiType(inner)) ?? (fault is null ? null : VimXml.XsiType(fault)) ?? "Unknown");
    }
}
