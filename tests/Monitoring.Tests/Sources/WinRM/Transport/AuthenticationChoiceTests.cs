using System.Net;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.Transport;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.Transport;

public sealed class AuthenticationChoiceTests
{
    private static readonly Uri s_http = new("http://hv01.example.net:5985/wsman");
    private static readonly Uri s_https = new("https://hv01.example.net:5986/wsman");

    [Theory]
    [InlineData("Negotiate,Kerberos", "https", "Ntlm")] // Windows' default listener
    [InlineData("Negotiate", "http", "Ntlm")]
    [InlineData("Basic,Negotiate", "https", "Ntlm")]
    [InlineData("Kerberos", "https", "Kerberos")]
    [InlineData("Basic", "https", "Basic")]
    public void FromChallenge_OfferedSchemes_PicksTheStrongestSafeOne(string offered, string scheme, string expected)
    {
        var challenge = Challenge(offered);

        Assert.Equal(Enum.Parse<WinRMAuthentication>(expected), AuthenticationChoice.FromChallenge(challenge.Headers.WwwAuthenticate, scheme == "https" ? s_https : s_http));
    }

    [Fact]
    public void FromChallenge_OnlyBasicOverHttp_RefusesToSendThePasswordInClear()
    {
        var e = Assert.Throws<TargetFailureException>(() => AuthenticationChoice.FromChallenge(Challenge("Basic").Headers.WwwAuthenticate, s_http));

        Assert.Equal(FailureKind.Authentication, e.Kind);
        Assert.Contains("in clear", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromChallenge_NothingUsable_NamesWhatWasOffered()
    {
        var e = Assert.Throws<TargetFailureException>(() => AuthenticationChoice.FromChallenge(Challenge("CredSSP").Headers.WwwAuthenticate, s_https));

        Assert.Contains("offered: CredSSP", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic", "http", "Authentication")]
    [InlineData("Kerberos", "http", "Unsupported")]
    public void FromConfiguration_SchemeUnsafeOrUnsupportedOverHttp_IsRefused(string configured, string scheme, string kind)
    {
        var e = Assert.Throws<TargetFailureException>(() => AuthenticationChoice.FromConfiguration(configured, scheme == "https" ? s_https : s_http));

        Assert.Equal(Enum.Parse<FailureKind>(kind), e.Kind);
    }

    [Theory]
    [InlineData("Ntlm", "http", "Ntlm")]
    [InlineData("basic", "https", "Basic")]
    [InlineData("Kerberos", "https", "Kerberos")]
    public void FromConfiguration_AllowedCombination_IsKept(string configured, string scheme, string expected) =>
        Assert.Equal(Enum.Parse<WinRMAuthentication>(expected), AuthenticationChoice.FromConfiguration(configured, scheme == "https" ? s_https : s_http));

    [Fact]
    public void FromConfiguration_Absent_AsksTheServer() =>
        Assert.Null(AuthenticationChoice.FromConfiguration(null, s_http));

    private static HttpResponseMessage Challenge(string offered)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        foreach (var scheme in offered.Split(','))
        {
            response.Headers.WwwAuthenticate.Add(new(scheme));
        }

        return response;
    }
}
