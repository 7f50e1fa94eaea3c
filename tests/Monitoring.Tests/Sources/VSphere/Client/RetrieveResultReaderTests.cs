using System.Xml.Linq;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

public sealed class RetrieveResultReaderTests
{
    private const string Govmomi = "vsphere/govmomi/";
    private const string Pyvmomi = "vsphere/pyvmomi/2018-827747f/";

    [Fact]
    public void Parse_GovmomiNotAuthenticatedMissingSet_ReportsEachMissingPathWithItsFault()
    {
        var returnval = TestFiles.LoadXml(Govmomi + "vim25_mo_fixtures_not_authenticated_fault.xml").Elements().Single();

        var content = RetrieveResultReader.Parse(returnval);

        Assert.Equal(new ManagedObjectReference("SessionManager", "SessionManager"), content.Obj);
        Assert.Equal("NotAuthenticated", content.Missing["message"]);
        Assert.Equal("NotAuthenticated", content.Missing["sessionList"]);
        Assert.Equal(2, content.Missing.Count);
        Assert.Equal("en", content.Properties["defaultLocale"].Text);
        Assert.Equal(["ja", "zh_CN", "en", "de", "zh_TW", "ko", "fr"], content.Properties["messageLocaleList"].Element.Elements().Select(e => e.Value));
    }

    [Fact]
    public void Parse_GovmomiClusterHostProperty_ReadsParentAndEveryHostReference()
    {
        var returnval = TestFiles.LoadXml(Govmomi + "vim25_mo_fixtures_cluster_host_property.xml").Elements().Single();

        var content = RetrieveResultReader.Parse(returnval);

        Assert.Equal(new ManagedObjectReference("ClusterComputeResource", "domain-c7"), content.Obj);
        Assert.Equal(new ManagedObjectReference("Folder", "group-h6"), content.Properties["parent"].AsReference());
        Assert.Equal(
            [new("HostSystem", "host-14"), new("HostSystem", "host-17"), new("HostSystem", "host-19"), new("HostSystem", "host-52")],
            content.Properties["host"].Element.Elements().Select(VimXml.ReadReference));
        Assert.Empty(content.Missing);
    }

    [Fact]
    public void Parse_SimpleAndStructuredValues_KeepTheirTypesAndTheStructuredOnesTheirTree()
    {
        var objects = XElement.Parse(
            "<objects xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><obj type=\"VirtualMachine\">vm-1</obj>" +
            "<propSet><name>runtime.host</name><val type=\"HostSystem\" xsi:type=\"ManagedObjectReference\">host-21</val></propSet>" +
            "<propSet><name>summary.config.numCpu</name><val xsi:type=\"xsd:int\">4</val></propSet>" +
            "<propSet><name>info.error</name><val xsi:type=\"LocalizedMethodFault\"><fault xsi:type=\"InvalidPowerState\"><requestedState>poweredOn</requestedState></fault>" +
            "<localizedMessage>The attempted operation cannot be performed in the current state (Powered on).</localizedMessage></val></propSet>" +
            "</objects>");

        var content = RetrieveResultReader.Parse(objects);

        var host = content.Properties["runtime.host"];
        Assert.Equal((new ManagedObjectReference("HostSystem", "host-21"), "ManagedObjectReference"), (host.AsReference(), host.XsiType));
        Assert.Equal(("4", "xsd:int"), (content.Properties["summary.config.numCpu"].Text, content.Properties["summary.config.numCpu"].XsiType));
        var error = content.Properties["info.error"];
        Assert.Equal("LocalizedMethodFault", VimXml.XsiType(error.Element));
        Assert.Equal("InvalidPowerState", VimXml.XsiType(VimXml.Child(error.Element, "fault")!));
        Assert.Equal("The attempted operation cannot be performed in the current state (Powered on).", VimXml.ChildText(error.Element, "localizedMessage"));
        Assert.Equal("poweredOnThe attempted operation cannot be performed in the current state (Powered on).", error.Text);
    }

    [Fact]
    public void Parse_GovmomiHostNameList_ReadsEachObjectOnItsOwn()
    {
        var returnvals = TestFiles.LoadXml(Govmomi + "vim25_mo_fixtures_hostsystem_list_name_property.xml").Elements().ToList();

        var contents = returnvals.Select(RetrieveResultReader.Parse).ToList();

        Assert.Equal(["host-10", "host-30"], contents.Select(c => c.Obj.Value));
        Assert.Equal(["host-01.example.com", "host-02.example.com"], contents.Select(c => c.Properties["name"].Text));
    }

    [Fact]
    public void Parse_ContainerViewCaptureOfEmptyInventory_ReadsAnEmptyViewProperty()
    {
        var reply = Cassette.Load(Pyvmomi + "basic_container_view.yaml").Calls("RetrievePropertiesEx")[0];
        var objects = XDocument.Parse(reply.ResponseBody).Descendants().Single(e => e.Name.LocalName == "objects");

        var content = RetrieveResultReader.Parse(objects);

        Assert.Equal("ContainerView", content.Obj.Type);
        Assert.StartsWith("session[", content.Obj.Value, StringComparison.Ordinal);
        Assert.Empty(content.Properties["view"].Element.Elements());
    }

    [Fact]
    public void Parse_ObjectWithoutObj_ThrowsXmlException()
    {
        var objects = XElement.Parse("<objects xmlns=\"urn:vim25\"><propSet><name>name</name><val>x</val></propSet></objects>");

        Assert.Throws<System.Xml.XmlException>(() => RetrieveResultReader.Parse(objects));
    }

    [Theory]
    [InlineData("test_json_host_explode.yaml", "HostSystem", "host-14")]
    [InlineData("test_json_vm_explode_default.yaml", "VirtualMachine", "vm-22")]
    public async Task ReadAsync_EveryRealRetrieveReply_DeliversTheRequestedPropertyOrNothing(string cassette, string type, string id)
    {
        var calls = Cassette.Load(Pyvmomi + cassette).Calls("RetrievePropertiesEx");
        using var client = new VimSoapClient(FakeHandler.Replay(calls), new Uri("https://vcsa/sdk"), TimeSpan.FromSeconds(30), null);
        var returned = 0;

        foreach (var call in calls)
        {
            var requested = new RecordedRequest(null, call.RequestBody!, null, null).Values("pathSet").Single();
            var objects = new List<ObjectContent>();

            var token = await client.InvokeStreamingAsync(
                "RetrievePropertiesEx",
                new ManagedObjectReference("PropertyCollector", "propertyCollector"),
                null,
                (reader, ct) => RetrieveResultReader.ReadAsync(reader, objects.Add, ct),
                CancellationToken.None);

            Assert.Null(token);
            var content = Assert.Single(objects);
            Assert.Equal(new ManagedObjectReference(type, id), content.Obj);
            Assert.Empty(content.Missing);

            // An unset property (a host's remediationState, a VM without snapshots) comes back as the bare object.
            var recordedNames = XDocument.Parse(call.ResponseBody).Descendants()
                .Where(e => e.Name.LocalName == "propSet" && e.Parent?.Name.LocalName == "objects")
                .Select(e => e.Elements().First(c => c.Name.LocalName == "name").Value);
            Assert.Equal(recordedNames, content.Properties.Keys);
            Assert.All(content.Properties.Keys, name => Assert.Equal(requested, name));
            returned += content.Properties.Count;
        }

        Assert.NotEqual(0, returned);
    }

    [Fact]
    public async Task ReadAsync_PageWithToken_DeliversObjectsAndReturnsToken()
    {
        var body = SoapMessages.RetrieveResult(
            "RetrievePropertiesEx",
            "1_a",
            VimObjects.Object("VirtualMachine", "vm-1", VimObjects.Text("name", "web-01")),
            VimObjects.Object("VirtualMachine", "vm-2", VimObjects.Text("name", "web-02")));
        var objects = new List<ObjectContent>();

        var token = await ReadThroughClientAsync(body, objects);

        Assert.Equal("1_a", token);
        Assert.Equal(["web-01", "web-02"], objects.Select(o => o.Properties["name"].Text));
    }

    [Fact]
    public async Task ReadAsync_EmptyResult_DeliversNothingAndNoToken()
    {
        var objects = new List<ObjectContent>();

        var token = await ReadThroughClientAsync(SoapMessages.Envelope("<RetrievePropertiesExResponse xmlns=\"urn:vim25\"/>"), objects);

        Assert.Null(token);
        Assert.Empty(objects);
    }

    /// <summary>As the simulator writes values: each one declares the schema-instance namespace under a prefix of its
    /// own. The declaration is not copied per value any more; a value that is a tree must still resolve it.</summary>
    [Fact]
    public async Task ReadAsync_ValuesDeclaringTheirOwnTypePrefix_TextAndTreeValuesKeepTheirTypes()
    {
        const string Xsi = "xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\"";
        var body = SoapMessages.Envelope(
            "<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval><objects><obj type=\"Task\">task-1</obj>" +
            $"<propSet><name>info.state</name><val {Xsi} XMLSchema-instance:type=\"TaskInfoState\">error</val></propSet>" +
            $"<propSet><name>info.error</name><val {Xsi} XMLSchema-instance:type=\"LocalizedMethodFault\">" +
            "<fault XMLSchema-instance:type=\"InvalidPowerState\"><requestedState>poweredOn</requestedState></fault>" +
            "<localizedMessage>Powered on.</localizedMessage></val></propSet>" +
            "</objects></returnval></RetrievePropertiesExResponse>");
        var objects = new List<ObjectContent>();

        await ReadThroughClientAsync(body, objects);

        var task = Assert.Single(objects);
        Assert.Equal(("error", "TaskInfoState"), (task.Properties["info.state"].Text, task.Properties["info.state"].XsiType));
        var error = task.Properties["info.error"].Element;
        Assert.Equal("LocalizedMethodFault", VimXml.XsiType(error));
        Assert.Equal("InvalidPowerState", VimXml.XsiType(VimXml.Child(error, "fault")!));
        Assert.Equal("Powered on.", VimXml.ChildText(error, "localizedMessage"));
    }

    private static async Task<string?> ReadThroughClientAsync(string body, List<ObjectContent> objects)
    {
        using var client = new VimSoapClient(new FakeHandler(_ => SoapMessages.Http(body)), new Uri("https://vc01.example.net/sdk"), TimeSpan.FromSeconds(30), null);
        return await client.InvokeStreamingAsync(
            "RetrievePropertiesEx",
            new ManagedObjectReference("PropertyCollector", "propertyCollector"),
            null,
            (reader, ct) => RetrieveResultReader.ReadAsync(reader, objects.Add, ct),
            CancellationToken.None);
    }
}
