using System.Text;
using System.Xml.Linq;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.WsMan;

public sealed class WsManClientTests
{
    private const string ProcessQuery = "SELECT * FROM Win32_Process";
    private static readonly XNamespace s_enumeration = WsManXml.Enumeration;
    private static readonly XNamespace s_wsman = WsManXml.WsMan;

    [Fact]
    public async Task QueryAsync_CapturedEnumerateThenPull_ReadsEveryInstanceOfBothPages()
    {
        var transport = new ReplayTransport(CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"), CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_2.xml"));
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var processes = await client.QueryAsync("root/cimv2", ProcessQuery, CancellationToken.None);

        Assert.Equal(["System Idle Process", "System", "conhost.exe"], processes.Select(p => p.String("Name")));
        Assert.All(processes, p => Assert.Equal("Win32_Process", p.ClassName));
        Assert.All(processes, p => Assert.Equal("VAGRANT-2008R2", p.String("CSName")));
        Assert.Equal(4, processes[1].Int64("ProcessId"));
        Assert.Equal("2013-04-29T11:43:11.203125-07:00", processes[1].String("CreationDate"));
        Assert.True(processes[0].Has("CommandLine"));
        Assert.Null(processes[0].String("CommandLine"));
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task QueryAsync_Requests_CarryWqlFilterOptimizeEnumerationMaxElementsAndTheContextToPull()
    {
        var transport = new ReplayTransport(CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"), CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_2.xml"));
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(20), "hv01", null) { MaxElements = 32 };

        await client.QueryAsync("root\\cimv2", ProcessQuery, CancellationToken.None);

        var enumerate = XDocument.Parse(transport.Sent[0]);
        Assert.Equal("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*", enumerate.Descendants(s_wsman + "ResourceURI").Single().Value);
        Assert.Equal(WsManXml.EnumerateAction, enumerate.Descendants(XName.Get("Action", WsManXml.Addressing)).Single().Value);
        Assert.Equal("PT20S", enumerate.Descendants(s_wsman + "OperationTimeout").Single().Value);
        var filter = enumerate.Descendants(s_wsman + "Filter").Single();
        Assert.Equal(WsManXml.WqlDialect, filter.Attribute("Dialect")?.Value);
        Assert.Equal(ProcessQuery, filter.Value);
        Assert.Single(enumerate.Descendants(s_wsman + "OptimizeEnumeration"));
        Assert.Equal("32", enumerate.Descendants(s_wsman + "MaxElements").Single().Value);

        var pull = XDocument.Parse(transport.Sent[1]);
        Assert.Equal(WsManXml.PullAction, pull.Descendants(XName.Get("Action", WsManXml.Addressing)).Single().Value);
        Assert.Equal("uuid:12AE5286-91FE-48F3-937E-0C22FF1AD7A1", pull.Descendants(s_enumeration + "EnumerationContext").Single().Value);
        Assert.Equal("32", pull.Descendants(s_enumeration + "MaxElements").Single().Value);
    }

    [Fact]
    public async Task QueryAsync_ContextExpiresMidPull_StartsOverOnceAndReturnsOnlyTheSecondRun()
    {
        var transport = new ReplayTransport(
            CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"),
            ExpiredContextFault(),
            CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"),
            CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_2.xml"));
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var processes = await client.QueryAsync("root/cimv2", ProcessQuery, CancellationToken.None);

        Assert.Equal(3, processes.Count);
        Assert.Equal(4, transport.Sent.Count);
        Assert.Contains("/Enumerate<", transport.Sent[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ContextExpiresTwice_ThrowsTheFault()
    {
        var transport = new ReplayTransport(
            CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"),
            ExpiredContextFault(),
            CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"),
            ExpiredContextFault());
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var fault = await Assert.ThrowsAsync<WsManFault>(() => client.QueryAsync("root/cimv2", ProcessQuery, CancellationToken.None));

        Assert.Equal(WmiErrorKind.InvalidEnumerationContext, fault.Kind);
    }

    [Fact]
    public async Task QueryAsync_PullFails_ReleasesTheContextAndThrowsTheFault()
    {
        var transport = new ReplayTransport(
            CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml"),
            CapturedReplies.File("WinRb-WinRM/wmi_error_v2.xml"),
            EmptyReleaseResponse());
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var fault = await Assert.ThrowsAsync<WsManFault>(() => client.QueryAsync("root/cimv2", ProcessQuery, CancellationToken.None));

        Assert.Equal(WmiErrorKind.QuotaLimit, fault.Kind);
        var release = XDocument.Parse(transport.Sent[2]);
        Assert.Equal(WsManXml.ReleaseAction, release.Descendants(XName.Get("Action", WsManXml.Addressing)).Single().Value);
        Assert.Equal("uuid:12AE5286-91FE-48F3-937E-0C22FF1AD7A1", release.Descendants(s_enumeration + "EnumerationContext").Single().Value);
    }

    [Fact]
    public async Task InvokeAsync_CapturedMethodReply_ReturnsOutputAndSendsMethodInputToTheInstance()
    {
        var transport = new ReplayTransport(CapturedReplies.File("WinRb-WinRM/2013-aef7dec/invoke_1.xml"));
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);
        var resource = WmiResource.Of("root/cimv2", "CIM_DataFile");

        var output = await client.InvokeAsync(resource, "Delete", [new Selector("Name", "c:\\temp\\x.txt")], null, CancellationToken.None);

        Assert.Equal("Delete_OUTPUT", output.ClassName);
        Assert.Equal(0, output.Int64("ReturnValue"));
        var request = XDocument.Parse(transport.Sent[0]);
        Assert.Equal(resource + "/Delete", request.Descendants(XName.Get("Action", WsManXml.Addressing)).Single().Value);
        Assert.Equal("c:\\temp\\x.txt", request.Descendants(s_wsman + "Selector").Single(e => e.Attribute("Name")?.Value == "Name").Value);
        Assert.Single(request.Descendants(XName.Get("Delete_INPUT", resource)));
    }

    [Fact]
    public async Task InvokeAsync_CapturedArrayOutput_KeepsEveryValueInOrder()
    {
        var transport = new ReplayTransport(CapturedReplies.File("openwsman/EnumKey.xml"));
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var output = await client.InvokeAsync(WmiResource.Of("root/default", "StdRegProv"), "EnumKey", null, null, CancellationToken.None);

        var names = output.Strings("sNames");
        Assert.Equal("AddressBook", names[0]);
        Assert.Contains("Mozilla Firefox 9.0.1 (x86 en-US)", names);
        Assert.Equal(0, output.Int64("ReturnValue"));
    }

    [Fact]
    public async Task EnumerateAsync_OtherNamespacePrefixes_ReadsTheSameWay()
    {
        var transport = new ReplayTransport(CapturedReplies.File("intel-amt-go-wsman-messages/cim_software_identity_pull.xml"));
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "amt01", null);

        var items = await client.EnumerateAsync("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity", null, CancellationToken.None);

        Assert.Contains(items, i => i.ClassName == "CIM_SoftwareIdentity" && i.String("InstanceID") == "Flash" && i.String("VersionString") == "12.0.67");
    }

    [Fact]
    public async Task QueryAsync_TruncatedReply_FailsAsProtocolErrorNamingTheOperation()
    {
        var whole = CapturedReplies.File("WinRb-WinRM/2013-aef7dec/enumerate_1.xml");
        var transport = new ReplayTransport(whole[..(whole.Length / 2)]);
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var failure = await Assert.ThrowsAsync<TargetFailureException>(() => client.QueryAsync("root/cimv2", ProcessQuery, CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, failure.Kind);
        Assert.StartsWith("Enumerate: the reply is not well-formed XML", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Service Unavailable")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    public async Task QueryAsync_NotAnEnvelope_FailsAsProtocolError(string body)
    {
        var transport = new ReplayTransport(body);
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var failure = await Assert.ThrowsAsync<TargetFailureException>(() => client.QueryAsync("root/cimv2", ProcessQuery, CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, failure.Kind);
    }

    [Fact]
    public async Task GetAsync_ServerNeverAnswers_FailsWithTimeoutAfterThePerOperationTimeout()
    {
        using var client = new WsManClient(new HangingTransport(), TimeSpan.FromMilliseconds(300), "hv01", null);

        var failure = await Assert.ThrowsAsync<TargetFailureException>(() => client.GetAsync(WmiResource.Of("root/cimv2", "Win32_OperatingSystem"), null, CancellationToken.None));

        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Contains("TimeoutSeconds", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifyAsync_SendsBareIdentifyAndReadsTheProduct()
    {
        const string Reply = """
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><s:Header/><s:Body><wsmid:IdentifyResponse><wsmid:ProtocolVersion>http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</wsmid:ProtocolVersion><wsmid:ProductVendor>Microsoft Corporation</wsmid:ProductVendor><wsmid:ProductVersion>OS: 6.1.7601 SP: 1.0 Stack: 2.0</wsmid:ProductVersion></wsmid:IdentifyResponse></s:Body></s:Envelope>
            """;
        var transport = new ReplayTransport(Reply);
        using var client = new WsManClient(transport, TimeSpan.FromSeconds(30), "hv01", null);

        var identity = await client.IdentifyAsync(CancellationToken.None);

        Assert.Equal("Microsoft Corporation", identity.ProductVendor);
        Assert.Equal("OS: 6.1.7601 SP: 1.0 Stack: 2.0", identity.ProductVersion);
        var request = XDocument.Parse(transport.Sent[0]);
        Assert.Single(request.Descendants(XName.Get("Identify", WsManXml.Identity)));
        Assert.Empty(request.Descendants(XName.Get("Action", WsManXml.Addressing)));
    }

    /// <summary>The captured WinRM 2.0 fault envelope with its subcode changed to the one WS-Enumeration
    /// defines for an expired context (no capture of that fault is public).</summary>
    private static string ExpiredContextFault() =>
        CapturedReplies.File("WinRb-WinRM/soap_fault_v2.xml")
            .Replace("n:CannotProcessFilter", "n:InvalidEnumerationContext", StringComparison.Ordinal)
            .Replace("Code=\"2150858778\"", "Code=\"2150858752\"", StringComparison.Ordinal);

    private static string EmptyReleaseResponse() =>
        """<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/><s:Body/></s:Envelope>""";

    private sealed class HangingTransport : IWsManTransport
    {
        public Uri Endpoint { get; } = new("http://hv01.example.net:5985/wsman");

        public async Task<Stream> SendAsync(string operation, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new MemoryStream(Encoding.UTF8.GetBytes("unreachable"));
        }

        public void Dispose()
        {
        }
    }
}
