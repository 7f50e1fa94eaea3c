using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

public sealed class VimSoapClientTests
{
    private static readonly Uri s_endpoint = new("https://vc01.example.net/sdk");
    private static readonly ManagedObjectReference s_serviceInstance = new("ServiceInstance", "ServiceInstance");

    [Fact]
    public async Task InvokeAsync_InvalidLoginCapture_ThrowsVimFaultWithTypeAndServerText()
    {
        var cassette = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection_bad_password.yaml");
        using var client = new VimSoapClient(FakeHandler.Replay(cassette.SoapInteractions), s_endpoint, TimeSpan.FromSeconds(30), null);
        var session = new VimSession(client);
        await session.ConnectAsync(CancellationToken.None);

        var fault = await Assert.ThrowsAsync<VimFault>(() => session.LoginAsync("my_user", "bad_password", CancellationToken.None));

        Assert.Equal("InvalidLogin", fault.FaultType);
        Assert.Equal("Cannot complete login due to an incorrect user name or password.", fault.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task InvokeAsync_HttpErrorStatus_ThrowsProtocolNamingMethodAndStatus(HttpStatusCode status)
    {
        using var client = Client(_ => new HttpResponseMessage(status) { Content = new StringContent("<html><body>unavailable</body></html>") });

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains("RetrieveServiceContent", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Service temporarily unavailable, try again later")]
    [InlineData("<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><RetrieveServiceContentResponse")]
    [InlineData("<html><head><title>Welcome</title></head><body>vSphere Web Client</body></html>")]
    [InlineData("")]
    public async Task InvokeAsync_ReplyIsNotSoap_ThrowsProtocol(string body)
    {
        using var client = Client(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/html") });

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains("RetrieveServiceContent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ServerNeverAnswers_ThrowsTimeoutAfterTheConfiguredTime()
    {
        using var client = new VimSoapClient(new FakeHandler(NeverAnswerAsync), s_endpoint, TimeSpan.FromSeconds(1), null);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Timeout, e.Kind);
        Assert.Contains("1 s", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_ThrowsCancellationNotTimeout()
    {
        using var client = new VimSoapClient(new FakeHandler(NeverAnswerAsync), s_endpoint, TimeSpan.FromSeconds(30), null);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var e = await Record.ExceptionAsync(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, stop.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(e);
    }

    [Fact]
    public async Task InvokeAsync_ConnectionRefused_ThrowsUnreachableSayingSo()
    {
        using var client = Client(_ => throw new HttpRequestException(
            HttpRequestError.ConnectionError,
            "Connection refused (vc01.example.net:443)",
            new SocketException((int)SocketError.ConnectionRefused)));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Unreachable, e.Kind);
        Assert.Contains("cannot connect", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NameDoesNotResolve_ThrowsUnreachableSayingSo()
    {
        using var client = Client(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (vc01.example.net:443)"));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Unreachable, e.Kind);
        Assert.Contains("does not resolve", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ConnectionDropsMidReply_ThrowsUnreachable()
    {
        var partial = Encoding.UTF8.GetBytes(SoapMessages.Reply("RetrieveServiceContent", "<returnval>")[..200]);
        using var client = Client(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(partial)) });

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Unreachable, e.Kind);
        Assert.Contains("connection broke", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_TlsRefusedByPolicy_ThrowsCertificateWithThePolicysReason()
    {
        var policy = new CertificatePolicy(new byte[32]);
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        using var client = new VimSoapClient(
            new FakeHandler(_ =>
            {
                // What the TLS stack does: ask the policy, then fail the connection when it says no.
                Assert.False(policy.Validate(this, certificate, null, System.Net.Security.SslPolicyErrors.None));
                throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.");
            }),
            s_endpoint,
            TimeSpan.FromSeconds(30),
            policy);

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, CancellationToken.None));

        Assert.Equal(FailureKind.Certificate, e.Kind);
        Assert.Contains(TestCertificates.ColonHex(certificate), e.Message, StringComparison.Ordinal);
    }

    private static VimSoapClient Client(Func<RecordedRequest, HttpResponseMessage> respond) =>
        new(new FakeHandler(respond), s_endpoint, TimeSpan.FromSeconds(30), null);

    private static async Task<HttpResponseMessage> NeverAnswerAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
