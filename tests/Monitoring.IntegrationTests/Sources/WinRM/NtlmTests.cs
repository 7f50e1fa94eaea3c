using System.Diagnostics;
using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>NTLM for real: the test endpoint's server side is Debian's gss-ntlmssp (through .NET's
/// <c>NegotiateAuthentication</c>, which uses the system GSSAPI on Linux), over plain HTTP with every
/// body sealed, as Windows requires by default. The product's client is .NET's managed NTLM.</summary>
public sealed class NtlmTests
{
    private const string Profile = "windows-2008r2";

    [Fact]
    public async Task CollectOnce_NtlmOverHttp_AuthenticatesFromTheChallengeAndSealsEveryMessage()
    {
        await using var endpoint = await WsManEndpoint.StartNtlmAsync(Profile);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("win-ntlm", "Windows"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        var host = Assert.Single(stored.GetProperty("hosts").EnumerateArray());
        Assert.Equal(ServedReply.Single(Profile, "Win32_ComputerSystem")["Name"], host.GetProperty("name").GetString());

        // Every WS-Management request of the pass arrived sealed (the endpoint refuses clear bodies).
        Assert.Equal(3, endpoint.Requests("Enumerate"));
        Assert.Equal(3, endpoint.SealedRequests);
    }

    [Fact]
    public async Task CollectOnce_NtlmWrongPassword_FailsAsAuthenticationWithoutThePassword()
    {
        await using var endpoint = await WsManEndpoint.StartNtlmAsync(Profile);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("win-bad", "Windows", password: "not-the-password"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.Equal(1, collect.ExitCode);
        Assert.Contains("win-bad: FAILED (authentication): the listener refused the credentials of user 'TESTDOM\\monitor' (Ntlm, HTTP 401)", collect.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", collect.Stdout + collect.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, endpoint.SealedRequests);
    }

    [Fact]
    public async Task PythonWinrm_NtlmWithMessageEncryption_ReadsWhatTheEndpointServes()
    {
        await using var endpoint = await WsManEndpoint.StartNtlmAsync(Profile);
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["OPENSSL_CONF"] = Path.Combine(AppContext.BaseDirectory, "Peers", "openssl-legacy.cnf");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "winrm_enumerate.py"));
        start.ArgumentList.Add(endpoint.Url.ToString());
        start.ArgumentList.Add(NtlmUsers.QualifiedUser);
        start.ArgumentList.Add(NtlmUsers.Password);
        start.ArgumentList.Add("Win32_OperatingSystem");
        using var python = Process.Start(start)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await python.WaitForExitAsync(timeout.Token);

        Assert.True(python.ExitCode == 0, await stderr);
        var os = JsonDocument.Parse(await stdout).RootElement;
        var served = ServedReply.Single(Profile, "Win32_OperatingSystem");
        Assert.Equal(served["Caption"], os.GetProperty("Caption").GetString());
        Assert.Equal(served["CSName"], os.GetProperty("CSName").GetString());
        Assert.Equal(1, endpoint.SealedRequests);
    }
}
