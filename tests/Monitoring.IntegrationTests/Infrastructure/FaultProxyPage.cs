using System.Xml.Linq;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>A page of a split <c>RetrievePropertiesEx</c> reply, waiting for its
/// <c>ContinueRetrievePropertiesEx</c>: the reply's envelope (emptied), the page's objects and the token
/// of the page after it, if any.</summary>
internal sealed record FaultProxyPage(XDocument Envelope, IReadOnlyList<XElement> Objects, string? NextToken);
