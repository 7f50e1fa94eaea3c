using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Api;
using Monitoring.Service.Configuration;

namespace Monitoring.Service.Hosting;

/// <summary>TLS on the listener from <c>Monitoring:Http:Tls</c>: a PEM certificate and its key, loaded once at start.</summary>
/// <remarks>The configuration check has already loaded the pair and refused plain URLs beside it, so a failure here
/// means a file changed in between; it stops start-up with the key named.</remarks>
internal static class ListenerTls
{
    public static void Apply(WebApplicationBuilder builder, LoadedConfiguration configuration)
    {
        var tls = configuration.Options.Http.Tls;
        if (tls is null || (tls.CertificateFile is null && tls.KeyFile is null))
        {
            return;
        }

        var problems = new List<string>();
        var certificate = HttpValidator.LoadCertificate(tls, configuration.BaseDirectory, problems)
            ?? throw new ConfigurationException(problems);

        // The slim builder leaves HTTPS out until asked for.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        builder.Services.AddSingleton(new ListenerCertificate(certificate));
    }

    /// <summary>Says which certificate the listener serves, so an operator can compare it with what clients see.</summary>
    public static void LogCertificate(IServiceProvider services, ILogger logger)
    {
        var certificate = services.GetService<ListenerCertificate>()?.Certificate;
        if (certificate is null || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var notAfter = certificate.NotAfter.ToUniversalTime();
        ApiLog.Tls(logger, certificate.Subject, thumbprint, notAfter);
    }
}
