using System.CommandLine;

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
}
