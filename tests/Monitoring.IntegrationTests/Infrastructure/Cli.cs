using System.Diagnostics;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Runs the built <c>monitoring.dll</c> as an operator would: a separate process, its own
/// working folder, exit code and the two output streams kept apart.</summary>
internal static class Cli
{
    public static string AssemblyPath { get; } = Path.Combine(
        RepositoryPaths.Root, "src", "Monitoring.Service", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "monitoring.dll");

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A developer's own Monitoring__ variables must not leak into the run under test.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Monitoring__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"monitoring {string.Join(' ', arguments)} did not finish within 3 minutes");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, null, arguments);
}
