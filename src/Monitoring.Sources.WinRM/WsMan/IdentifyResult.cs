namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>What a WS-Management server says about itself in answer to Identify.</summary>
/// <param name="ProtocolVersion">The protocol namespace it speaks (WS-Man 1.0 or DMTF 1.1).</param>
/// <param name="ProductVendor">E.g. <c>Microsoft Corporation</c>.</param>
/// <param name="ProductVersion">E.g. <c>OS: 6.1.7601 SP: 1.0 Stack: 2.0</c>.</param>
internal sealed record IdentifyResult(string? ProtocolVersion, string? ProductVendor, string? ProductVersion);
