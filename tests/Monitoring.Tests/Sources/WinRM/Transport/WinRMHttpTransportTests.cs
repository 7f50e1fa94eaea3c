using System.Net;
using System.Text;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.Transport;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.Transport;

public sealed class WinRMHttpTransportTests
{
    private static readonly byte[] s_envelope = Encoding.UTF8.GetBytes("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>");

    [Fact]
    public async Task SendAsync_BasicOverHttps_SendsTheCredentialsAndReturnsTheBody()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<reply/>") });
        using var transport = new WinRMHttpTransport(handler, Target("https://win01.example.net:5986/wsman", "Basic"), null);

        await using var body = await transport.SendAsync("Enumerate", s_envelope, CancellationToken.None);

        Assert.Equal("<reply/>", await new StreamReader(body).ReadToEndAsync());
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("svc-monitor:p@ss")), sent.Authorization);
        Assert.StartsWith("application/soap+xml", sent.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CredentialsRefused_FailsAsAuthenticationWithoutThePassword()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var transport = new WinRMHttpTransport(handler, Target("https://win01.example.net:5986/wsman", "Basic"), null);

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => transport.SendAsync("Enumerate", s_envelope, CancellationToken.None));

        Assert.Equal(FailureKind.Authentication, e.Kind);
        Assert.Equal("the listener refused the credentials of user 'svc-monitor' (Basic, HTTP 401)", e.Message);
        Assert.DoesNotContain("p@ss", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailable_FailsAsProtocolWithTheStatus()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var transport = new WinRMHttpTransport(handler, Target("https://win01.example.net:5986/wsman", "Basic"), null);

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => transport.SendAsync("Enumerate", s_envelope, CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.StartsWith("the listener answered HTTP 503", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoAuthenticationConfigured_ProbesAndFollowsTheChallenge()
    {
        var handler = new RecordingHandler(request =>
        {
            if (request.Authorization is null)
            {
                var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                challenge.Headers.WwwAuthenticate.Add(new("Basic", "realm=\"WSMAN\""));
                return challenge;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<reply/>") };
        });
        using var transport = new WinRMHttpTransport(handler, Target("https://win01.example.net:5986/wsman", null), null);

        await using var body = await transport.SendAsync("Enumerate", s_envelope, CancellationToken.None);

        Assert.Equal(WinRMAuthentication.Basic, transport.Scheme);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(0, handler.Requests[0].BodyLength); // the probe carries neither body nor password
    }

    private sealed record Sent(string? Authorization, string? ContentType, int BodyLength);

    private sealed class RecordingHandler(Func<Sent, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var sent = new Sent(request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.ToString(), body.Length);
            Requests.Add(sent);
            return respond(sent);
        }
    }

    private static TargetDefinition Target(string address, string? authentication) => new(
        "win01", TargetKind.Windows, new Uri(address), "svc-monitor", new Secret("p@ss"), null, TimeSpan.FromSeconds(30), 256, authentication);
}
