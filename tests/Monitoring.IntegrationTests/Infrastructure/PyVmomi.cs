using System.Diagnostics;
using System.Text.Json;
using Monitoring.Service.Demo;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>VMware's own Python SDK (Debian python3-pyvmomi), an independent client: expected values
/// come from it and from the simulator's model, never from our own client.</summary>
internal static class PyVmomi
{
    private static readonly string s_peers = Path.Combine(AppContext.BaseDirectory, "Peers");

    /// <summary>What the simulator holds, as pyvmomi reads it, with ids built for <paramref name="target"/>.</summary>
    public static async Task<JsonElement> InventoryAsync(SimulatorProcess simulator, string target)
    {
        var output = await RunAsync("pyvmomi_inventory.py", simulator, ["--target", target]);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>What the vSphere endpoint at <paramref name="url"/> holds (e.g. a simulator behind a test
    /// proxy), as pyvmomi reads it, with ids built for <paramref name="target"/>.</summary>
    public static async Task<JsonElement> InventoryAsync(Uri url, string thumbprint, string target)
    {
        var output = await RunAsync("pyvmomi_inventory.py", url, thumbprint, ["--target", target]);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Acts on the simulator: <c>power-off</c>, <c>suspend</c>, <c>relocate VM HOST</c>, <c>destroy</c>.</summary>
    public static Task ActAsync(SimulatorProcess simulator, params string[] action) =>
        RunAsync("pyvmomi_act.py", simulator, action);

    private static Task<string> RunAsync(string script, SimulatorProcess simulator, string[] extra) =>
        RunAsync(script, simulator.Endpoint.Url, simulator.Endpoint.Thumbprint, extra);

    private static async Task<string> RunAsync(string script, Uri url, string thumbprint, string[] extra)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(s_peers, script));
        foreach (var a in new[] { "--url", url.ToString(), "--user", Simulator.User, "--password", Simulator.Password, "--thumbprint", thumbprint })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in extra)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', extra)} failed: {await stderr}");
        }

        return await stdout;
    }
}
