using System.Text;
using Monitoring.Service.Exports.Webhooks;
using Xunit;

namespace Monitoring.Tests.Service.Exports;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] s_secret = Encoding.UTF8.GetBytes("s3cret");
    private static readonly DateTimeOffset s_at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("{\"sequence\":1}");

    /// <summary>The expected value was computed independently: printf '1700000000.{"sequence":1}' | openssl dgst -sha256 -hmac s3cret.</summary>
    [Fact]
    public void Create_KnownBodyAndTime_MatchesOpenSslsHmac() =>
        Assert.Equal("t=1700000000,v1=73fba823cced2ab0babc2fcef71a1fa275526c8695fd9429df19dec857f3a710", WebhookSignature.Create(s_secret, s_at, s_body));

    [Fact]
    public void Verify_UntouchedRequestWithinFiveMinutes_Passes() =>
        Assert.True(WebhookSignature.Verify(s_secret, WebhookSignature.Create(s_secret, s_at, s_body), s_body, s_at.AddMinutes(4), TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_BodyChanged_Fails() =>
        Assert.False(WebhookSignature.Verify(s_secret, WebhookSignature.Create(s_secret, s_at, s_body), Encoding.UTF8.GetBytes("{\"sequence\":2}"), s_at, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_OtherSecret_Fails() =>
        Assert.False(WebhookSignature.Verify(Encoding.UTF8.GetBytes("other"), WebhookSignature.Create(s_secret, s_at, s_body), s_body, s_at, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_ReplayedAfterTheTolerance_Fails() =>
        Assert.False(WebhookSignature.Verify(s_secret, WebhookSignature.Create(s_secret, s_at, s_body), s_body, s_at.AddMinutes(6), TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=x,v1=abc")]
    public void Verify_MalformedHeader_Fails(string? header) =>
        Assert.False(WebhookSignature.Verify(s_secret, header, s_body, s_at, TimeSpan.FromMinutes(5)));
}
