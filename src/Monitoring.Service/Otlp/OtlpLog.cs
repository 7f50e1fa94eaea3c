using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Otlp;

/// <summary>The OTLP export's log lines.</summary>
internal static partial class OtlpLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "exporting metrics over OTLP to {Endpoint} ({Protocol}) every {IntervalSeconds} s")]
    public static partial void Exporting(ILogger logger, string endpoint, string protocol, double intervalSeconds);
}
