using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

/// <summary>The production handler's real TLS handshake, over an in-memory connection instead of a socket.</summary>
public sealed class VimHttpHandlerTests
{
    private static readonly Uri s_endpoint = new("https://vc01.example.net/sdk");
    private static readonly ManagedObjectReference s_serviceInstance = new("ServiceInstance", "ServiceInstance");

    [Fact]
    public async Task Create_PinnedSelfSignedCertificate_CompletesTheCall()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var reply = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection.yaml").Calls("RetrieveServiceContent")[0].ResponseBody;
        var policy = new CertificatePolicy(TestCertificates.Sha256(certificate));
        using var client = Client(policy, new InMemoryTlsServer(certificate, reply));

        var response = await client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None);

        Assert.Equal("6.0", ServiceContentParser.Parse(response).ApiVersion);
        Assert.Null(policy.LastRefusal);
    }

    [Fact]
    public async Task Create_CertificateNotThePinnedOne_FailsAsCertificateShowingBothThumbprints()
    {
        using var presented = TestCertificates.SelfSigned("vc01.example.net");
        using var pinned = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(TestCertificates.Sha256(pinned));
        using var client = Client(policy, new InMemoryTlsServer(presented, "unused"));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Certificate, e.Kind);
        Assert.Contains(TestCertificates.ColonHex(presented), e.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.ColonHex(pinned), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnpinnedSelfSignedCertificate_FailsAsCertificateOfferingTheThumbprintToPin()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(null);
        using var client = Client(policy, new InMemoryTlsServer(certificate, "unused"));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Certificate, e.Kind);
        Assert.Contains("not trusted", e.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.ColonHex(certificate), e.Message, StringComparison.Ordinal);
    }

    private static VimSoapClient Client(CertificatePolicy policy, InMemoryTlsServer server)
    {
        var handler = VimHttpHandler.Create(policy, TimeSpan.FromSeconds(10));
        handler.ConnectCallback = server.ConnectAsync;
        return new VimSoapClient(handler, s_endpoint, TimeSpan.FromSeconds(10), policy);
    }
}
