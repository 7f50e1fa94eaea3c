namespace Monitoring.Service.Ports;

/// <summary>One connection this configuration makes or accepts.</summary>
/// <param name="Kind"><c>target</c>, <c>database</c>, <c>listener</c>, <c>alertmanager</c> or <c>otlp</c>.</param>
/// <param name="Name">The target's config name, the listener URL, or the component's name.</param>
/// <param name="Direction"><c>outbound</c> (the service connects) or <c>inbound</c> (others connect to it).</param>
/// <param name="Protocol">What is spoken, e.g. <c>HTTPS (vSphere SOAP)</c>, <c>HTTP (WS-Management)</c>, <c>TDS</c>.</param>
/// <param name="Host">Host name or address; for SQLite, null.</param>
/// <param name="Port">TCP port; for SQLite, null.</param>
/// <param name="Purpose">Why the connection exists, in the operator's words.</param>
/// <param name="Address">The URL or file the connection uses (never with credentials).</param>
/// <param name="Pinned">True when a <c>Thumbprint</c> pins the server's certificate.</param>
internal sealed record PlannedConnection(
    string Kind,
    string Name,
    string Direction,
    string Protocol,
    string? Host,
    int? Port,
    string Purpose,
    string Address,
    bool Pinned = false)
{
    /// <summary>The URL to request when checking; null for plain TCP or a file.</summary>
    internal Uri? CheckUrl { get; init; }

    /// <summary>The pinned SHA-256 of the server's leaf certificate, for the check's TLS.</summary>
    internal IReadOnlyList<byte>? Thumbprint { get; init; }
}
