namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Http:Tls</c> section: the listener's certificate. Absent by default (plain HTTP on loopback).</summary>
public sealed class TlsOptions
{
    /// <summary>The certificate (PEM, leaf first, then any intermediates). Relative paths resolve against the config file's folder.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Its private key (PEM, unencrypted PKCS#8, PKCS#1 or EC). Keep it readable by the service account only.</summary>
    public string? KeyFile { get; set; }
}
