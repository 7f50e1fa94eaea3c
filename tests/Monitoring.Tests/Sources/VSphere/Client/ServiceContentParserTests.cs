using System.Xml;
using System.Xml.Linq;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

public sealed class ServiceContentParserTests
{
    [Fact]
    public void Parse_VCenter60Capture_ReadsVersionTypeAndManagers()
    {
        var content = ServiceContentParser.Parse(FirstServiceContentReply("basic_connection.yaml"));

        Assert.Equal("6.0", content.ApiVersion);
        Assert.Equal("VirtualCenter", content.ApiType);
        Assert.Equal("VMware vCenter Server 6.0.0 build-3018523", content.FullName);
        Assert.Equal(new ManagedObjectReference("Folder", "group-d1"), content.RootFolder);
        Assert.Equal(new ManagedObjectReference("PropertyCollector", "propertyCollector"), content.PropertyCollector);
        Assert.Equal(new ManagedObjectReference("ViewManager", "ViewManager"), content.ViewManager);
        Assert.Equal(new ManagedObjectReference("SessionManager", "SessionManager"), content.SessionManager);
    }

    [Theory]
    [InlineData("basic_connection_bad_password.yaml", "6.0", "VMware vCenter Server 6.0.0 build-2798252")]
    [InlineData("basic_container_view.yaml", "6.0", null)]
    [InlineData("test_json_host_explode.yaml", "6.7", "VMware vCenter Server 6.7.0 build-9433931")]
    [InlineData("test_json_vm_explode_default.yaml", "6.7", "VMware vCenter Server 6.7.0 build-9433931")]
    public void Parse_OtherVCenterCaptures_ReadApiVersionOfEach(string cassette, string apiVersion, string? fullName)
    {
        var reply = FirstServiceContentReply(cassette);

        var content = ServiceContentParser.Parse(reply);

        Assert.Equal(apiVersion, content.ApiVersion);
        Assert.Equal("VirtualCenter", content.ApiType);
        Assert.Equal(ValueIn(reply, "fullName"), content.FullName);
        if (fullName is not null)
        {
            Assert.Equal(fullName, content.FullName);
        }

        Assert.Equal(ValueIn(reply, "propertyCollector"), content.PropertyCollector.Value);
        Assert.Equal(ValueIn(reply, "rootFolder"), content.RootFolder.Value);
    }

    [Fact]
    public void Parse_ReplyWithoutRootFolder_ThrowsNamingTheMissingPart()
    {
        var reply = FirstServiceContentReply("basic_connection.yaml");
        reply.Descendants().Single(e => e.Name.LocalName == "rootFolder").Remove();

        var e = Assert.Throws<XmlException>(() => ServiceContentParser.Parse(reply));

        Assert.Contains("rootFolder", e.Message, StringComparison.Ordinal);
    }

    private static XElement FirstServiceContentReply(string cassette)
    {
        var interaction = Cassette.Load("vsphere/pyvmomi/2018-827747f/" + cassette).Calls("RetrieveServiceContent")[0];
        return XDocument.Parse(interaction.ResponseBody).Descendants(SoapMessages.Soap + "Body").Elements().Single();
    }

    private static string ValueIn(XElement reply, string localName) =>
        reply.Descendants().First(e => e.Name.LocalName == localName).Value;
}
