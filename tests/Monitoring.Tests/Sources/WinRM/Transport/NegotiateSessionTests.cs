using System.Net.Security;
using System.Text;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.Transport;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.Transport;

public sealed class NegotiateSessionTests
{
    [Theory]
    [InlineData("EXAMPLE\\svc-monitor", "svc-monitor", "EXAMPLE")]
    [InlineData("svc-monitor@example.net", "svc-monitor", "example.net")]
    [InlineData("Administrator", "Administrator", "")]
    public void SplitUser_DomainForms_GiveUserAndDomain(string username, string user, string domain) =>
        Assert.Equal((user, domain), NegotiateSession.SplitUser(username));

    [Fact]
    public void Seal_ThenEncode_DecodesToTheSameSignatureAndSealedBytes()
    {
        using var session = AuthenticatedSession(out var server);
        var clear = Encoding.UTF8.GetBytes("<s:Envelope>a WS-Management request</s:Envelope>");

        var (signature, sealedData) = session.Seal(clear);
        var body = EncryptedMessage.Encode(signature, sealedData, clear.Length);
        var (readSignature, readSealed, length) = EncryptedMessage.Decode(body);

        Assert.Equal(NegotiateSession.NtlmSignatureLength, signature.Length);
        Assert.Equal(clear.Length, length);
        Assert.Equal(signature, readSignature);
        Assert.Equal(sealedData, readSealed);
        Assert.NotEqual(clear, sealedData); // sealed, not signed only
        Assert.StartsWith("--Encrypted Boundary\r\n\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=", Encoding.ASCII.GetString(body), StringComparison.Ordinal);
        server.Dispose();
    }

    [Fact]
    public void Decode_BodyWithoutTheOctetStreamPart_FailsAsProtocolError()
    {
        var e = Assert.Throws<TargetFailureException>(() => EncryptedMessage.Decode(Encoding.ASCII.GetBytes("--Encrypted Boundary\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=10\r\n")));

        Assert.Equal(FailureKind.Protocol, e.Kind);
    }

    [Fact]
    public void Unseal_ReplyNotSealedWithTheServersKey_FailsInsteadOfReturningText()
    {
        // Our own sealed request played back as a reply: sealed, but with the client-to-server key, as a
        // replayed or forged message would be.
        using var session = AuthenticatedSession(out var server);
        var (signature, sealedData) = session.Seal(Encoding.UTF8.GetBytes("<s:Envelope>reply</s:Envelope>"));

        var e = Assert.Throws<TargetFailureException>(() => session.Unseal(signature, sealedData));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains("does not verify", e.Message, StringComparison.Ordinal);
        server.Dispose();
    }

    /// <summary>A client session authenticated against .NET's own server side (the managed NTLM on both
    /// sides here; the integration tests use Debian's gss-ntlmssp as the server).</summary>
    private static NegotiateSession AuthenticatedSession(out NegotiateAuthentication server)
    {
        var session = new NegotiateSession(WinRMAuthentication.Ntlm, "TESTDOM\\monitor", "pw", new Uri("http://hv01.example.net:5985/wsman"), encrypt: true);
        server = new NegotiateAuthentication(new NegotiateAuthenticationServerOptions { Package = "NTLM" });
        var token = session.NextToken([]);
        token = server.GetOutgoingBlob(token, out _)!;
        session.NextToken(token);
        return session;
    }
}
