using Monitoring.Core.Collection;
using System.Net.Security;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

public sealed class CertificatePolicyTests
{
    [Theory]
    [InlineData(SslPolicyErrors.None)]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors)]
    public void Validate_PinnedAndMatching_AcceptsWithoutCheckingChainOrName(SslPolicyErrors errors)
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(TestCertificates.Sha256(certificate));

        var accepted = policy.Validate(this, certificate, null, errors);

        Assert.True(accepted);
        Assert.Null(policy.LastRefusal);
    }

    [Fact]
    public void Validate_PinnedButDifferent_RefusesShowingBothThumbprints()
    {
        using var presented = TestCertificates.SelfSigned("vc01.example.net");
        using var pinned = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(TestCertificates.Sha256(pinned));

        var accepted = policy.Validate(this, presented, null, SslPolicyErrors.None);

        Assert.False(accepted);
        Assert.Contains(TestCertificates.ColonHex(presented), policy.LastRefusal, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.ColonHex(pinned), policy.LastRefusal, StringComparison.Ordinal);
        Assert.Contains("Thumbprint", policy.LastRefusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable)]
    public void Validate_UnpinnedWithPolicyErrors_RefusesAndShowsTheThumbprintToPin(SslPolicyErrors errors)
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(null);

        var accepted = policy.Validate(this, certificate, null, errors);

        Assert.False(accepted);
        Assert.Contains(errors.ToString(), policy.LastRefusal, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.ColonHex(certificate), policy.LastRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnpinnedAndTrusted_Accepts()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(null);

        Assert.True(policy.Validate(this, certificate, null, SslPolicyErrors.None));
    }

    [Fact]
    public void Validate_NoCertificate_RefusesEvenWhenPinned()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var policy = new CertificatePolicy(TestCertificates.Sha256(certificate));

        Assert.False(policy.Validate(this, null, null, SslPolicyErrors.None));
        Assert.Contains("no certificate", policy.LastRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PinnedWithSha1OfTheSameCertificate_Refuses()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var sha1 = Convert.FromHexString(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA1));
        var policy = new CertificatePolicy(sha1);

        Assert.False(policy.Validate(this, certificate, null, SslPolicyErrors.None));
    }
}
