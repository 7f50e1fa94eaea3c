using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary>Each fault gives a clear, per-target error with the right exit code, leaks no secret,
/// and leaves what was stored before exactly as it was.</summary>
public sealed class FaultTests : IClassFixture<SimulatorFixture>
{
    private const string WrongPassword = "Wr0ng-Pa55word!";

    private readonly SimulatorFixture _fixture;

    public FaultTests(SimulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task CollectOnce_WrongPassword_ExitsOneNamingTargetAndReasonAndChangesNothing()
    {
        using var workspace = new Workspace();
        var before = await SeedAsync(workspace);
        workspace.WriteConfig(Workspace.Target("vc1", _fixture.Simulator, password: WrongPassword));

        var result = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vc1: FAILED (authentication): ", line, StringComparison.Ordinal);
        Assert.Contains("InvalidLogin", line, StringComparison.Ordinal);
        Assert.Contains(Simulator.User, line, StringComparison.Ordinal);
        AssertNoSecret(result, WrongPassword, Simulator.Password);
        Assert.Equal(before, await DumpAsync(workspace));
    }

    [Fact]
    public async Task CollectOnce_WrongPinnedThumbprint_RefusesTheServerAndChangesNothing()
    {
        using var workspace = new Workspace();
        var before = await SeedAsync(workspace);
        var wrong = string.Join(':', Enumerable.Repeat("AB", 32));
        workspace.WriteConfig(Workspace.Target("vc1", _fixture.Simulator, thumbprint: wrong));

        var result = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("vc1: FAILED (certificate): ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not match the pinned Thumbprint", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(_fixture.Simulator.Endpoint.Thumbprint, result.Stdout, StringComparison.Ordinal);
        AssertNoSecret(result, Simulator.Password);
        Assert.Equal(before, await DumpAsync(workspace));
    }

    [Fact]
    public async Task CollectOnce_UnpinnedSelfSignedCertificate_IsRefusedUnlessItsIssuerIsTrusted()
    {
        using var workspace = new Workspace();
        var target = Workspace.Target("vc1", _fixture.Simulator);
        target.Remove("Thumbprint");
        workspace.WriteConfig(target);

        var refused = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);
        var trusted = await Cli.RunAsync(
            workspace.Directory,
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = _fixture.CertificateFile },
            "collect", "--once", "--config", workspace.ConfigPath);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("vc1: FAILED (certificate): ", refused.Stdout, StringComparison.Ordinal);
        Assert.Contains("not trusted", refused.Stdout, StringComparison.Ordinal);
        Assert.True(trusted.ExitCode == 0, trusted.ToString());
        Assert.StartsWith("vc1: ok:", trusted.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_UnknownConfigKey_ExitsTwoNamingTheKeyAndChangesNothing()
    {
        using var workspace = new Workspace();
        var before = await SeedAsync(workspace);
        var target = Workspace.Target("vc1", _fixture.Simulator);
        target["Pasword"] = "typo";
        workspace.WriteConfig(target);

        var result = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Monitoring:Targets:0:Pasword", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        AssertNoSecret(result, Simulator.Password);
        Assert.Equal(before, await DumpAsync(workspace));
    }

    [Fact]
    public async Task CollectOnce_PasswordFileReadableByOthers_IsRefusedAndChangesNothing()
    {
        using var workspace = new Workspace();
        var before = await SeedAsync(workspace);
        var loose = workspace.WritePasswordFile("vc1.pass", Simulator.Password, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var target = Workspace.Target("vc1", _fixture.Simulator, password: null);
        target.Remove("Password");
        target["PasswordFile"] = "vc1.pass"; // relative: resolves against the config file's folder
        workspace.WriteConfig(target);

        var refused = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);
        Assert.Equal(before, await DumpAsync(workspace));
        File.SetUnixFileMode(loose, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var accepted = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Monitoring:Targets:0:PasswordFile", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("chmod 600", refused.Stderr, StringComparison.Ordinal);
        AssertNoSecret(refused, Simulator.Password);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
    }

    [Fact]
    public async Task CollectOnce_OneTargetUnreachable_TheOtherIsStillCollected()
    {
        using var workspace = new Workspace();
        var dead = Workspace.Target("dead", _fixture.Simulator);
        dead["Address"] = $"https://127.0.0.1:{UnusedPort()}/sdk";
        dead["TimeoutSeconds"] = 5;
        workspace.WriteConfig(dead, Workspace.Target("vc1", _fixture.Simulator));

        var result = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("dead: FAILED (unreachable): ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("vc1: ok:", StringComparison.Ordinal));
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, workspace.ConfigPath);
        Assert.Equal(3, stored.GetProperty("hosts").GetArrayLength()); // 1 cluster x 2 hosts + 1 standalone
    }

    /// <summary>Collects once with the good configuration and returns the stored rows.</summary>
    private async Task<string> SeedAsync(Workspace workspace)
    {
        workspace.WriteConfig(Workspace.Target("vc1", _fixture.Simulator));
        var seed = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", workspace.ConfigPath);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var dump = await DumpAsync(workspace);
        Assert.Contains("vc1/vm-", dump, StringComparison.Ordinal);
        return dump;
    }

    private static Task<string> DumpAsync(Workspace workspace) =>
        DatabaseDump.ReadAsync(Path.Combine(workspace.Directory, "data", "monitoring.db"));

    private static void AssertNoSecret(CliResult result, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Stderr, StringComparison.Ordinal);
        }
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
