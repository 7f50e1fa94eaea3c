using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Service.Hosting;

/// <summary>The certificate the listener serves, when TLS is on: logged at start so an operator can check it.</summary>
internal sealed record ListenerCertificate(X509Certificate2 Certificate);
