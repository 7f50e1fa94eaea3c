using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Monitoring.Tests.Support;

/// <summary>Reads requests and writes replies in the vim25 SOAP dialect, the way vCenter frames them.</summary>
internal static class SoapMessages
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The local name of the first element inside the SOAP body, e.g. <c>Login</c>.</summary>
    public static string? MethodOf(string envelope) =>
        XDocument.Parse(envelope).Descendants(Soap + "Body").Elements().FirstOrDefault()?.Name.LocalName;

    /// <summary>A whole reply envelope around <paramref name="bodyContent"/>, as vCenter writes one.</summary>
    public static string Envelope(string bodyContent) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<soapenv:Envelope xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        + "<soapenv:Body>\n" + bodyContent + "\n</soapenv:Body>\n</soapenv:Envelope>";

    /// <summary>The reply envelope of <paramref name="method"/> holding <paramref name="content"/>.</summary>
    public static string Reply(string method, string content) =>
        Envelope($"<{method}Response xmlns=\"urn:vim25\">{content}</{method}Response>");

    /// <summary>A <c>RetrievePropertiesEx</c> or <c>ContinueRetrievePropertiesEx</c> reply: a page of objects and,
    /// when more remain, the token to ask for them.</summary>
    public static string RetrieveResult(string method, string? token, params string[] objects) =>
        Reply(method, "<returnval>" + (token is null ? string.Empty : $"<token>{token}</token>") + string.Concat(objects) + "</returnval>");

    public static HttpResponseMessage Http(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "text/xml; charset=utf-8" } } } };
}
