using System.Globalization;
using System.Text;
using System.Xml;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>Writes WS-Management request envelopes (SOAP 1.2, WS-Addressing headers as WinRM expects them).</summary>
internal static class WsManRequest
{
    /// <summary>The largest reply we accept. WinRM 1.1 refuses a larger value (its ceiling is 150 KB), and
    /// later versions honour it, so one value works everywhere; pages stay small with <c>MaxElements</c>.</summary>
    public const int MaxEnvelopeSize = 153_600;

    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
    };

    /// <summary>An envelope for <paramref name="action"/> on <paramref name="resourceUri"/>.</summary>
    /// <param name="endpoint">The URL it is posted to.</param>
    /// <param name="action">The WS-Addressing action.</param>
    /// <param name="resourceUri">The resource (a WMI class, or a namespace's <c>*</c> for WQL).</param>
    /// <param name="selectors">Which instance, for Get and Invoke.</param>
    /// <param name="operationTimeout">How long the server may work on it before answering TimedOut.</param>
    /// <param name="body">Writes the body's content, or null for an empty body.</param>
    public static byte[] Build(
        Uri endpoint,
        string action,
        string resourceUri,
        IReadOnlyList<Selector>? selectors,
        TimeSpan operationTimeout,
        Action<XmlWriter>? body)
    {
        using var buffer = new MemoryStream(1024);
        using (var w = XmlWriter.Create(buffer, s_settings))
        {
            w.WriteStartElement("s", "Envelope", WsManXml.Soap);
            w.WriteAttributeString("xmlns", "a", null, WsManXml.Addressing);
            w.WriteAttributeString("xmlns", "n", null, WsManXml.Enumeration);
            w.WriteAttributeString("xmlns", "w", null, WsManXml.WsMan);
            w.WriteAttributeString("xmlns", "p", null, WsManXml.MicrosoftWsMan);
            w.WriteStartElement("Header", WsManXml.Soap);
            w.WriteElementString("To", WsManXml.Addressing, endpoint.AbsoluteUri);
            MustUnderstand(w, "ResourceURI", WsManXml.WsMan, resourceUri);
            w.WriteStartElement("ReplyTo", WsManXml.Addressing);
            MustUnderstand(w, "Address", WsManXml.Addressing, WsManXml.AnonymousRole);
            w.WriteEndElement();
            MustUnderstand(w, "Action", WsManXml.Addressing, action);
            MustUnderstand(w, "MaxEnvelopeSize", WsManXml.WsMan, MaxEnvelopeSize.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("MessageID", WsManXml.Addressing, "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant());
            Locale(w, "Locale", WsManXml.WsMan);
            Locale(w, "DataLocale", WsManXml.MicrosoftWsMan);
            w.WriteElementString("OperationTimeout", WsManXml.WsMan, XmlConvert.ToString(operationTimeout));
            if (selectors is { Count: > 0 })
            {
                w.WriteStartElement("SelectorSet", WsManXml.WsMan);
                foreach (var selector in selectors)
                {
                    w.WriteStartElement("Selector", WsManXml.WsMan);
                    w.WriteAttributeString("Name", selector.Name);
                    w.WriteString(selector.Value);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteStartElement("Body", WsManXml.Soap);
            body?.Invoke(w);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>The Identify envelope: no addressing headers at all (DSP0226 section 11).</summary>
    public static byte[] Identify()
    {
        using var buffer = new MemoryStream(256);
        using (var w = XmlWriter.Create(buffer, s_settings))
        {
            w.WriteStartElement("s", "Envelope", WsManXml.Soap);
            w.WriteAttributeString("xmlns", "wsmid", null, WsManXml.Identity);
            w.WriteStartElement("Header", WsManXml.Soap);
            w.WriteEndElement();
            w.WriteStartElement("Body", WsManXml.Soap);
            w.WriteStartElement("Identify", WsManXml.Identity);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void MustUnderstand(XmlWriter w, string name, string ns, string value)
    {
        w.WriteStartElement(name, ns);
        w.WriteAttributeString("mustUnderstand", WsManXml.Soap, "true");
        w.WriteString(value);
        w.WriteEndElement();
    }

    private static void Locale(XmlWriter w, string name, string ns)
    {
        w.WriteStartElement(name, ns);
        w.WriteAttributeString("xml", "lang", null, "en-US");
        w.WriteAttributeString("mustUnderstand", WsManXml.Soap, "false");
        w.WriteEndElement();
    }
}
