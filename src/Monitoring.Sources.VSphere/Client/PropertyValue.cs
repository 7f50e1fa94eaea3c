using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>One property value of a property-collector reply (<c>&lt;val&gt;</c>).</summary>
/// <remarks>Most values are simple: a name, a number, an enum, a managed-object reference. Those keep only their
/// text and their <c>type</c> attributes; an inventory pass over 20,000 VMs reads about 180,000 of them, and a
/// tree for each (element, attributes, names) was the largest single cost of reading the reply. A value with
/// child elements (a data object such as <c>TaskInfo</c>'s error, an array such as the counter catalog) keeps
/// its tree.</remarks>
internal sealed class PropertyValue
{
    private XElement? _element;
    private string? _text;

    /// <summary>A simple value: its text and its attributes <c>type</c> (a reference's type) and <c>xsi:type</c>.</summary>
    public PropertyValue(string text, string? referenceType, string? xsiType)
    {
        _text = text;
        ReferenceType = referenceType;
        XsiType = xsiType;
    }

    /// <summary>A value read as a tree.</summary>
    public PropertyValue(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _element = element;
        ReferenceType = (string?)element.Attribute("type");
        XsiType = (string?)element.Attribute(VimXml.Xsi + "type");
    }

    /// <summary>All text inside the value, as <see cref="XElement.Value"/> gives it.</summary>
    public string Text => _text ??= _element!.Value;

    /// <summary>The <c>type</c> attribute: a managed-object reference's type (<c>HostSystem</c>).</summary>
    public string? ReferenceType { get; }

    /// <summary>The <c>xsi:type</c> attribute as sent (with its prefix).</summary>
    public string? XsiType { get; }

    /// <summary>The value as a tree; a simple value's is built on first use (callers that need trees read few values).</summary>
    public XElement Element => _element ??= new XElement(
        VimXml.Vim + "val",
        ReferenceType is null ? null : new XAttribute("type", ReferenceType),
        XsiType is null ? null : new XAttribute(VimXml.Xsi + "type", XsiType),
        _text);

    /// <summary>The value read as a managed-object reference (<c>&lt;val type="HostSystem"&gt;host-21&lt;/val&gt;</c>).</summary>
    public ManagedObjectReference AsReference() => new(ReferenceType ?? string.Empty, Text.Trim());
}
