using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Hosting;

/// <summary>How the process logs: the level, and one JSON object per line (for journald, Loki, Elastic)
/// or one line of text. Logs always go to stderr; stdout belongs to a verb's output.</summary>
internal sealed record LogSettings(LogLevel Level, bool Json);
