using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.HealthModel.Settings;

namespace Monitoring.ManagementPack;

/// <summary>Replaces the build's own tokens in fragment text. They start with <c>$Build/</c>, so they never clash
/// with the tokens the operations manager replaces at run time (<c>$Config/...$</c>, <c>$MPElement[...]$</c>, <c>$Target/...$</c>).</summary>
/// <remarks>
/// <c>$Build/Version$</c>: the pack's version. <c>$Build/Threshold[host.cpu]/Warning$</c> (and <c>/Critical$</c>,
/// <c>/ConsecutiveSamples$</c>): a default of the health model's standard monitors, so the pack and the engine agree.
/// A line holding only <c>$Build/Include[scripts/x.ps1]$</c> (optionally behind <c>#</c>): that file's text, itself expanded.
/// </remarks>
internal sealed partial class BuildTokens
{
    private const int MaxIncludeDepth = 4;

    private readonly string _sourceDirectory;
    private readonly string _version;

    public BuildTokens(string sourceDirectory, string version)
    {
        _sourceDirectory = sourceDirectory;
        _version = version;
    }

    public string Expand(string text, string where) => Expand(text, where, 0);

    private string Expand(string text, string where, int depth)
    {
        if (!text.Contains("$Build/", StringComparison.Ordinal))
        {
            return text;
        }

        text = IncludeLine().Replace(text, m => Include(m.Groups["path"].Value, where, depth));
        text = text.Replace("$Build/Version$", _version, StringComparison.Ordinal);
        text = Threshold().Replace(text, m => ThresholdValue(m.Groups["monitor"].Value, m.Groups["field"].Value, where));
        var leftover = AnyToken().Match(text);
        return leftover.Success
            ? throw new ManagementPackBuildException($"{where}: unknown build token {leftover.Value}; known: $Build/Version$, $Build/Include[path]$ (alone on a line), $Build/Threshold[monitor]/Warning|Critical|ConsecutiveSamples$")
            : text;
    }

    private string Include(string relativePath, string where, int depth)
    {
        if (depth >= MaxIncludeDepth)
        {
            throw new ManagementPackBuildException($"{where}: includes nest deeper than {MaxIncludeDepth} at {relativePath}");
        }

        var full = Path.GetFullPath(Path.Combine(_sourceDirectory, relativePath));
        if (!full.StartsWith(Path.GetFullPath(_sourceDirectory), StringComparison.Ordinal) || !File.Exists(full))
        {
            throw new ManagementPackBuildException($"{where}: included file {relativePath} not found under {_sourceDirectory}");
        }

        var content = File.ReadAllText(full).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        return Expand(content, relativePath, depth + 1);
    }

    private static string ThresholdValue(string monitor, string field, string where)
    {
        var definition = StandardMonitors.All.FirstOrDefault(m => m.Name == monitor)
            ?? throw new ManagementPackBuildException($"{where}: $Build/Threshold[{monitor}]: no standard monitor has that name");
        var thresholds = definition.Thresholds
            ?? throw new ManagementPackBuildException($"{where}: $Build/Threshold[{monitor}]: that monitor has no thresholds");
        object? value = field switch
        {
            "Warning" => thresholds.Warning,
            "Critical" => thresholds.Critical,
            _ => thresholds.ConsecutiveSamples,
        };
        return value is null
            ? throw new ManagementPackBuildException($"{where}: $Build/Threshold[{monitor}]/{field}: not set for that monitor")
            : Convert.ToString(value, CultureInfo.InvariantCulture)!;
    }

    [GeneratedRegex(@"^[ \t]*(?:#[ \t]*)?\$Build/Include\[(?<path>[^\]\r\n]+)\]\$[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex IncludeLine();

    [GeneratedRegex(@"\$Build/Threshold\[(?<monitor>[A-Za-z0-9._-]+)\]/(?<field>Warning|Critical|ConsecutiveSamples)\$")]
    private static partial Regex Threshold();

    [GeneratedRegex(@"\$Build/[^$\s]*\$?")]
    private static partial Regex AnyToken();
}
