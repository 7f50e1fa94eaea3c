using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Hosting;

/// <summary>Running under systemd: the shipped unit is valid, and the service speaks sd_notify
/// (READY when it serves, STOPPING on SIGTERM) the way <c>Type=notify</c> expects.</summary>
public sealed class SystemdTests
{
    [Fact]
    public async Task ShippedUnit_WithThisMachinesPaths_PassesSystemdAnalyzeVerify()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(Cli.AssemblyPath)!, "deploy", "monitoring.service"));
        using var workspace = new Workspace();
        var unit = Path.Combine(workspace.Directory, "monitoring.service");

        // Only the install location differs from the shipped file: /opt/monitoring does not exist here.
        await File.WriteAllTextAsync(unit, shipped.Replace("/opt/monitoring/monitoring.dll", Cli.AssemblyPath, StringComparison.Ordinal)
            .Replace("/usr/bin/dotnet", DotnetPath(), StringComparison.Ordinal));
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "verify", "--man=no", unit })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.DoesNotContain("monitoring.service", stderr, StringComparison.Ordinal);
        Assert.Contains("Type=notify", shipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithNotifySocket_SendsReadyThenStoppingOnSigterm()
    {
        using var workspace = new Workspace();
        var socketPath = Path.Combine(workspace.Directory, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new { Monitoring = new { Http = new { Urls = url.ToString().TrimEnd('/') } } });

        // What systemd gives a Type=notify unit: NOTIFY_SOCKET, and itself as the parent process (the
        // hosting library checks the parent's name). A wrapper script named "systemd" stands in for it
        // and passes SIGTERM on, as systemd would send it.
        var environment = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath, ["INVOCATION_ID"] = "0123456789abcdef0123456789abcdef" };
        var launcher = Path.Combine(workspace.Directory, "systemd");
        await File.WriteAllTextAsync(launcher, "#!/bin/sh\n\"$@\" &\nchild=$!\ntrap 'kill -TERM \"$child\"' TERM INT\nwait \"$child\"\nwait \"$child\"\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url, environment, launcher);
        var ready = await ReceiveAsync(socket, "READY=1");
        var stopping = service.StopAsync(TimeSpan.FromSeconds(40));
        var stop = await ReceiveAsync(socket, "STOPPING=1");

        Assert.Contains("READY=1", ready, StringComparison.Ordinal);
        Assert.Contains("STOPPING=1", stop, StringComparison.Ordinal);
        Assert.Equal(0, await stopping);
    }

    private static async Task<string> ReceiveAsync(Socket socket, string expected)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var all = new StringBuilder();
        while (!all.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            all.Append(Encoding.UTF8.GetString(buffer, 0, n)).Append('\n');
        }

        return all.ToString();
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";
}
