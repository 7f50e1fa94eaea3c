using Monitoring.Core.Collection;
using System.Net;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Builds the HTTP handler for one vSphere target: connection timeout, decompression and the
/// certificate policy. Cookies are handled by <see cref="VimSoapClient"/> so the session stays in one place.</summary>
internal static class VimHttpHandler
{
    public static SocketsHttpHandler Create(CertificatePolicy policy, TimeSpan connectTimeout) => new()
    {
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        SslOptions = { RemoteCertificateValidationCallback = policy.Validate },
    };
}
