namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>A reply <see cref="FaultProxy"/> sends back: the simulator's (possibly altered), or one it made.</summary>
internal sealed record FaultProxyReply(int Status, string? ContentType, IReadOnlyList<string> SetCookies, byte[] Body);
