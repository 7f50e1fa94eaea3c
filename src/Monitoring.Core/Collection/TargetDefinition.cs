namespace Monitoring.Core.Collection;

/// <summary>A target as the collectors see it: validated, with its secret resolved.</summary>
/// <param name="Name">The unique config name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Address">The endpoint URL.</param>
/// <param name="Username">The account.</param>
/// <param name="Password">The password, wrapped so it never prints.</param>
/// <param name="Thumbprint">The pinned SHA-256 of the leaf certificate (32 bytes), or null to validate the chain.</param>
/// <param name="Timeout">The per-operation timeout.</param>
/// <param name="MaxQueryObjects">vSphere: entities per QueryPerf.</param>
/// <param name="Authentication">WinRM: the scheme to use, or null to follow the server's challenge.</param>
public sealed record TargetDefinition(
    string Name,
    TargetKind Kind,
    Uri Address,
    string Username,
    Secret Password,
    IReadOnlyList<byte>? Thumbprint,
    TimeSpan Timeout,
    int MaxQueryObjects,
    string? Authentication);
