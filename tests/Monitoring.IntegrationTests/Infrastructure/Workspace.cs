using System.Text.Json;
using Monitoring.Service.Demo;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>A fresh folder per test: its config file, its password files and its SQLite database.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("monitoring-it-").FullName;
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "monitoring.json");

    /// <summary>Writes <c>monitoring.json</c> with <c>{ "Monitoring": { "Targets": targets } }</c>.</summary>
    public string WriteConfig(params object[] targets) => WriteConfigDocument(new { Monitoring = new { Targets = targets } });

    public string WriteConfigDocument(object document)
    {
        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(document));
        return ConfigPath;
    }

    /// <summary>A vSphere target for <paramref name="simulator"/>, pinned to its certificate.</summary>
    public static Dictionary<string, object?> Target(string name, SimulatorProcess simulator, string? password = Simulator.Password, string? thumbprint = null) => new()
    {
        ["Name"] = name,
        ["Kind"] = "vSphere",
        ["Address"] = simulator.Endpoint.Url.ToString(),
        ["Username"] = Simulator.User,
        ["Password"] = password,
        ["Thumbprint"] = thumbprint ?? simulator.Endpoint.Thumbprint,
        ["TimeoutSeconds"] = 20,
    };

    /// <summary>Creates an API key with <c>monitoring apikey create</c> against this workspace's config, as an
    /// operator would, and returns it (the last line the command prints).</summary>
    public async Task<string> CreateApiKeyAsync(string name, string role)
    {
        var result = await Cli.RunAsync(Directory, "apikey", "create", "--name", name, "--role", role, "--config", ConfigPath);
        Xunit.Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    public string WritePasswordFile(string name, string content, UnixFileMode mode)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content + "\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold the SQLite file for a moment; the temp folder is swept by the OS.
        }
    }
}
