namespace Monitoring.Service.Demo;

/// <summary>The line the simulator prints when it is ready.</summary>
/// <param name="Url">The SDK endpoint, e.g. https://127.0.0.1:PORT/sdk.</param>
/// <param name="Thumbprint">SHA-256 of its certificate, colon-separated hex.</param>
/// <param name="CertFile">Its certificate as PEM, when asked for with -cert-out.</param>
/// <param name="Pid">Its process id.</param>
internal sealed record SimulatorEndpoint(Uri Url, string Thumbprint, string? CertFile, int Pid);
