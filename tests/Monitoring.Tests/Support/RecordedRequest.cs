using System.Xml.Linq;

namespace Monitoring.Tests.Support;

/// <summary>A request the product sent through a <see cref="FakeHandler"/>, as the server would have seen it.</summary>
/// <param name="Uri">Where it was sent.</param>
/// <param name="Body">The body text.</param>
/// <param name="Cookie">The Cookie header, or null when none was sent.</param>
/// <param name="SoapAction">The SOAPAction header, or null.</param>
internal sealed record RecordedRequest(Uri? Uri, string Body, string? Cookie, string? SoapAction)
{
    /// <summary>The vim25 method called, e.g. <c>RetrievePropertiesEx</c>.</summary>
    public string? SoapMethod => Body.Length == 0 ? null : SoapMessages.MethodOf(Body);

    /// <summary>The text of every element named <paramref name="localName"/> in the body, in document order.</summary>
    public IReadOnlyList<string> Values(string localName) =>
        [.. XDocument.Parse(Body).Descendants().Where(e => e.Name.LocalName == localName).Select(e => e.Value)];

    /// <summary>The single element named <paramref name="localName"/>; fails when there is not exactly one.</summary>
    public XElement Single(string localName) =>
        XDocument.Parse(Body).Descendants().Single(e => e.Name.LocalName == localName);
}
