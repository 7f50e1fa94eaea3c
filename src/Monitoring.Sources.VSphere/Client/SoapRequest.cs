using System.Text;
using System.Xml;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Writes one vim25 request envelope. The body writer gets an <see cref="XmlWriter"/> positioned
/// inside the method element, so every value is escaped by the writer, never by string concatenation.</summary>
internal static class SoapRequest
{
    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    /// <summary>The request in a pooled buffer (see <see cref="RequestBody"/>); dispose it once the exchange is over.</summary>
    public static RequestBody BuildPooled(string method, ManagedObjectReference @this, Action<XmlWriter>? writeArguments)
    {
        var stream = new RequestBody();
        using (var writer = XmlWriter.Create(stream, s_settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soapenv", "Envelope", VimXml.Soap.NamespaceName);
            writer.WriteAttributeString("xmlns", "xsd", null, "http://www.w3.org/2001/XMLSchema");
            writer.WriteAttributeString("xmlns", "xsi", null, VimXml.Xsi.NamespaceName);
            writer.WriteStartElement("soapenv", "Body", VimXml.Soap.NamespaceName);
            writer.WriteStartElement(method, VimXml.Vim.NamespaceName);
            WriteReference(writer, "_this", @this);
            writeArguments?.Invoke(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream;
    }

    public static void WriteReference(XmlWriter writer, string name, ManagedObjectReference reference)
    {
        writer.WriteStartElement(name, VimXml.Vim.NamespaceName);
        writer.WriteAttributeString("type", reference.Type);
        writer.WriteString(reference.Value);
        writer.WriteEndElement();
    }

    /// <summary>Writes an element of the vim25 namespace with an xsi:type, as polymorphic arguments need.</summary>
    public static void WriteStartTyped(XmlWriter writer, string name, string xsiType)
    {
        writer.WriteStartElement(name, VimXml.Vim.NamespaceName);
        writer.WriteAttributeString("xsi", "type", VimXml.Xsi.NamespaceName, xsiType);
    }
}
