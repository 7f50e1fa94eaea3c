using System.Xml.Linq;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

public sealed class VimSessionTests
{
    private const string Pyvmomi = "vsphere/pyvmomi/2018-827747f/";
    private static readonly Uri s_endpoint = new("https://vcsa/sdk");
    private static readonly ManagedObjectReference s_view = new("ContainerView", "session[test]view-1");

    [Fact]
    public async Task ConnectAsync_VCenter60Capture_SpeaksTheServersApiVersionFromThenOn()
    {
        var cassette = Cassette.Load(Pyvmomi + "basic_connection.yaml");
        var handler = FakeHandler.Replay(cassette.SoapInteractions.Take(2));
        using var client = new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);

        var content = await session.ConnectAsync(CancellationToken.None);
        await session.LoginAsync("my_user", "my_password", CancellationToken.None);

        Assert.Equal(["RetrieveServiceContent", "Login"], handler.Methods);
        Assert.Equal($"\"urn:vim25/{VimSoapClient.InitialApiVersion}\"", handler.Requests[0].SoapAction);
        Assert.Equal($"\"urn:vim25/{content.ApiVersion}\"", handler.Requests[1].SoapAction);
        Assert.Equal("\"urn:vim25/6.0\"", handler.Requests[1].SoapAction);
    }

    [Fact]
    public async Task LoginAsync_VCenter60Capture_SendsTheSessionCookieTheServerSetOnLaterCalls()
    {
        var cassette = Cassette.Load(Pyvmomi + "basic_connection.yaml");
        var recordedCookie = cassette.Calls("Login")[0].ResponseHeaders.Single(h => h.Key == "set-cookie").Value.Split(';')[0];
        var handler = FakeHandler.Replay(cassette.SoapInteractions.Take(3));
        using var client = new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);

        await session.ConnectAsync(CancellationToken.None);
        await session.LoginAsync("my_user", "my_password", CancellationToken.None);
        await session.ConnectAsync(CancellationToken.None);

        Assert.True(client.HasSession);
        Assert.Null(handler.Requests[0].Cookie);
        Assert.Null(handler.Requests[1].Cookie);
        Assert.Equal(recordedCookie, handler.Requests[2].Cookie);
        Assert.StartsWith("vmware_soap_session=", recordedCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_PasswordWithXmlMarkup_ReachesTheServerUnchanged()
    {
        const string Password = "a<b>&\"c']]>";
        var cassette = Cassette.Load(Pyvmomi + "basic_connection.yaml");
        var handler = FakeHandler.Replay(cassette.SoapInteractions.Take(2));
        using var client = new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);

        await session.ConnectAsync(CancellationToken.None);
        await session.LoginAsync("dom\\user&co", Password, CancellationToken.None);

        var login = handler.Requests[1];
        Assert.Equal(Password, login.Values("password").Single());
        Assert.Equal("dom\\user&co", login.Values("userName").Single());
        Assert.Equal("SessionManager", login.Values("_this").Single());
    }

    [Fact]
    public async Task CreateContainerViewAsync_VCenterCapture_SendsTheRecordedQuestionAndReturnsTheView()
    {
        var cassette = Cassette.Load(Pyvmomi + "basic_container_view.yaml");
        var recorded = cassette.Calls("CreateContainerView")[0];
        var handler = FakeHandler.Replay([cassette.Calls("RetrieveServiceContent")[0], cassette.Calls("Login")[0], recorded]);
        using var client = new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);

        var content = await session.ConnectAsync(CancellationToken.None);
        await session.LoginAsync("my_user", "my_password", CancellationToken.None);
        var view = await session.CreateContainerViewAsync(content.RootFolder, ["Datacenter"], recursive: true, CancellationToken.None);

        var expectedView = XDocument.Parse(recorded.ResponseBody).Descendants().Single(e => e.Name.LocalName == "returnval");
        Assert.Equal(new ManagedObjectReference("ContainerView", expectedView.Value), view);
        var sent = handler.Requests[2];
        var asked = new RecordedRequest(null, recorded.RequestBody!, null, null);
        foreach (var name in new[] { "_this", "container", "type", "recursive" })
        {
            Assert.Equal(asked.Values(name), sent.Values(name));
        }

        Assert.Equal("Folder", (string?)sent.Single("container").Attribute("type"));
    }

    [Fact]
    public async Task RetrieveFromViewAsync_ServerPagesWithTokens_DeliversEveryObjectOnceAndSendsEachTokenBack()
    {
        var handler = new FakeHandler(request => request.SoapMethod switch
        {
            "RetrieveServiceContent" => Cassette.Load(Pyvmomi + "basic_connection.yaml").Calls("RetrieveServiceContent")[0].ToResponse(),
            "RetrievePropertiesEx" => Page("RetrievePropertiesEx", "page-2", "vm-1", "vm-2"),
            "ContinueRetrievePropertiesEx" => request.Values("token").Single() switch
            {
                "page-2" => Page("ContinueRetrievePropertiesEx", "page-3", "vm-3", "vm-4"),
                "page-3" => Page("ContinueRetrievePropertiesEx", null, "vm-5"),
                var other => throw new InvalidOperationException($"unknown token {other}"),
            },
            var other => throw new InvalidOperationException($"unexpected {other}"),
        });
        using var client = new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);
        var content = await session.ConnectAsync(CancellationToken.None);
        var delivered = new List<string>();

        await session.RetrieveFromViewAsync(s_view, [new PropertySpec("VirtualMachine", ["name"])], o => delivered.Add(o.Obj.Value), CancellationToken.None);

        Assert.Equal(["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"], delivered);
        Assert.Equal(["RetrieveServiceContent", "RetrievePropertiesEx", "ContinueRetrievePropertiesEx", "ContinueRetrievePropertiesEx"], handler.Methods);
        Assert.Equal(["page-2"], handler.Requests[2].Values("token"));
        Assert.Equal(["page-3"], handler.Requests[3].Values("token"));
        Assert.All(handler.Requests.Skip(1), r => Assert.Equal(content.PropertyCollector.Value, r.Values("_this").Single()));
    }

    [Fact]
    public async Task RetrieveFromViewAsync_Always_AsksForTheViewsObjectsAndOnlyTheNamedProperties()
    {
        var handler = new FakeHandler(request => request.SoapMethod == "RetrieveServiceContent"
            ? Cassette.Load(Pyvmomi + "basic_connection.yaml").Calls("RetrieveServiceContent")[0].ToResponse()
            : Page("RetrievePropertiesEx", null));
        using var client = new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);
        await session.ConnectAsync(CancellationToken.None);

        await session.RetrieveFromViewAsync(
            s_view,
            [new PropertySpec("HostSystem", ["name", "runtime.connectionState"]), new PropertySpec("VirtualMachine", ["runtime.host"])],
            _ => { },
            CancellationToken.None);

        var request = handler.Requests[1];
        Assert.Equal(["HostSystem", "VirtualMachine", "ContainerView"], request.Values("type"));
        Assert.Equal(["name", "runtime.connectionState", "runtime.host"], request.Values("pathSet"));
        Assert.Equal(["false", "false"], request.Values("all"));
        Assert.Equal(s_view.Value, request.Single("obj").Value);
        Assert.Equal(["true", "false"], request.Values("skip")); // skip the view itself, keep what it holds
        Assert.Equal("view", request.Single("path").Value);
        var maxObjects = int.Parse(request.Single("maxObjects").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(maxObjects, 1, 10_000);
    }

    private static HttpResponseMessage Page(string method, string? token, params string[] vms) =>
        SoapMessages.Http(SoapMessages.RetrieveResult(method, token, [.. vms.Select(id => VimObjects.Object("VirtualMachine", id, VimObjects.Text("name", "name of " + id)))]));
}
