using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Api;

/// <summary>The API's log lines. None carries a key: only key names.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "audit: could not record {Action}: {Reason}")]
    public static partial void AuditFailed(ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "API key '{Name}' ({Role}) created by {Actor}")]
    public static partial void KeyCreated(ILogger logger, string name, string role, string actor);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "API key '{Name}' revoked by {Actor}")]
    public static partial void KeyRevoked(ILogger logger, string name, string actor);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "listener: TLS with the certificate {Subject} (SHA-256 {Thumbprint}), valid until {NotAfter:u}")]
    public static partial void Tls(ILogger logger, string subject, string thumbprint, DateTime notAfter);
}
