namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>How the test endpoint answers, switchable while a test runs.</summary>
internal enum WsManEndpointMode
{
    /// <summary>The profile's replies.</summary>
    Normal,

    /// <summary>Reads the request and never answers (a host that stopped answering).</summary>
    Hang,

    /// <summary>An HTML error page with status 200.</summary>
    NotXml,

    /// <summary>The first half of the real reply.</summary>
    Truncated,

    /// <summary>Every enumeration context is forgotten after its first page, once per enumeration
    /// (the server's EnumerationContext expired mid-pull).</summary>
    ExpireContexts,
}
