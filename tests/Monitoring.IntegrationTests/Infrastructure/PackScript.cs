using System.Diagnostics;
using System.Text.Json;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Runs a script embedded in the built management pack under PowerShell 7 (installed by
/// scripts/install-peers.sh into .tools/pwsh) with the MOM.ScriptAPI stand-in, through management-pack/testing/Invoke-PackScript.ps1.</summary>
internal static class PackScript
{
    public static string PwshPath => Path.Combine(RepositoryPaths.Root, ".tools", "pwsh", "pwsh");

    /// <summary>Returns what the script handed the agent: <c>discoveries</c>, <c>bags</c>, <c>text</c>, <c>events</c>.</summary>
    public static async Task<JsonElement> RunAsync(string scriptName, IReadOnlyDictionary<string, object> parameters)
    {
        if (!File.Exists(PwshPath))
        {
            throw new InvalidOperationException($"PowerShell 7 is not at {PwshPath}: run scripts/install-peers.sh");
        }

        var start = new ProcessStartInfo(PwshPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[]
        {
            "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepositoryPaths.Root, "management-pack", "testing", "Invoke-PackScript.ps1"),
            "-ManagementPack", Path.Combine(RepositoryPaths.Root, "management-pack", "Monitoring.Virtualization.xml"),
            "-ScriptName", scriptName,
            "-ParametersJson", JsonSerializer.Serialize(parameters),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pwsh exited {process.ExitCode} running {scriptName}: {await stderr}{output}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
