using System.CommandLine;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Hosting;

namespace Monitoring.Service.Cli;

/// <summary>Options every verb takes.</summary>
internal sealed class GlobalOptions
{
    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "The configuration file (JSON). Without it: SQLite in ./data, no targets, plus environment variables.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Debug logging, and stack traces for unexpected errors.",
        Recursive = true,
    };

    public Option<string> LogFormat { get; } = CreateLogFormat();

    /// <summary>The logging the parsed options ask for.</summary>
    public LogSettings LogSettings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new LogSettings(
            parse.GetValue(Verbose) ? LogLevel.Debug : LogLevel.Information,
            string.Equals(parse.GetValue(LogFormat), "json", StringComparison.Ordinal));
    }

    private static Option<string> CreateLogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = "Logs on stderr as one line of text (default) or one JSON object per line.",
            Recursive = true,
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
