using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reads a <c>RetrieveServiceContentResponse</c>.</summary>
internal static class ServiceContentParser
{
    public static ServiceContent Parse(XElement response)
    {
        var content = VimXml.Child(response, "returnval") ?? throw new XmlException("RetrieveServiceContent returned no content");
        var about = VimXml.Child(content, "about") ?? throw new XmlException("the service content has no 'about'");
        return new ServiceContent(
            Reference(content, "rootFolder"),
            Reference(content, "propertyCollector"),
            Reference(content, "viewManager"),
            Reference(content, "sessionManager"),
            VimXml.Child(content, "perfManager") is { } perfManager ? VimXml.ReadReference(perfManager) : null,
            VimXml.ChildText(about, "fullName") ?? "unknown",
            VimXml.ChildText(about, "apiType") ?? "unknown",
            VimXml.ChildText(about, "apiVersion") ?? VimSoapClient.InitialApiVersion);
    }

    private static ManagedObjectReference Reference(XElement content, string name) =>
        VimXml.Child(content, name) is { } element
            ? VimXml.ReadReference(element)
            : throw new XmlException($"the service content has no '{name}' (is this a vSphere endpoint?)");
}
