using System.Text.Json;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.Remediation.Hooks;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Hooks;

/// <summary><c>Monitoring:Remediation:Hooks</c>: what loads, and bad input naming its key and what is allowed.</summary>
public sealed class HookConfigurationTests : IDisposable
{
    private const string Secret = "hook-hmac-key-never-shown";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Executable = OwnerOnly | UnixFileMode.UserExecute;
    private static readonly Dictionary<string, string?> s_noEnvironment = [];
    private static readonly string[] s_drainArguments = ["--host", "$HOST"];
    private static readonly string[] s_oneArgument = ["x"];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_ScriptAndWebhook_LoadWithDefaultsAndTheSecretFromItsFile()
    {
        var script = _directory.Write("hooks/drain.sh", "#!/bin/sh\nexit 0\n", Executable);
        _directory.Write("secrets/hook.key", Secret + "\n", OwnerOnly);

        var loaded = Load(
            new { Name = "drain", Script = script, Arguments = s_drainArguments },
            new { Name = "desk", Url = "https://automation.example.net/hooks/tip", SecretFile = "secrets/hook.key", TimeoutSeconds = 15 },
            new { Name = "local", Url = "http://127.0.0.1:9000/tip", Secret });

        var drain = Assert.IsType<ScriptHook>(loaded.Hooks.For(HookTip("DRAIN")));
        Assert.Equal((script, TimeSpan.FromSeconds(60)), (drain.Path, drain.Timeout));
        Assert.Equal(["--host", "$HOST"], drain.Arguments);
        var desk = Assert.IsType<WebHook>(loaded.Hooks.For(HookTip("desk")));
        Assert.Equal(("https://automation.example.net/hooks/tip", Secret, TimeSpan.FromSeconds(15)), (desk.Url.ToString(), desk.Secret.Reveal(), desk.Timeout));
        Assert.IsType<WebHook>(loaded.Hooks.For(HookTip("local")));
        Assert.Null(loaded.Hooks.For(HookTip("unknown")));
        Assert.Null(loaded.Hooks.For(new Tip
        {
            Id = "t", ConditionKey = "k", Target = "hv/vm", Summary = "s", Details = "d", Cause = "c", ExpectedEffect = "e",
            Action = TipAction.StartVm("drain"),
        }));
    }

    [Fact]
    public void Load_NoHooks_NoneConfigured()
    {
        Assert.Empty(Load().Hooks.All);
    }

    [Fact]
    public void Load_BadHooks_EachNamesItsKeyAndWhatIsAllowedAndNoSecretIsShown()
    {
        var notExecutable = _directory.Write("hooks/plain.sh", "#!/bin/sh\n", OwnerOnly);
        var everyoneWrites = _directory.Write("hooks/open.sh", "#!/bin/sh\n", Executable | UnixFileMode.OtherWrite);
        _directory.Write("loose.key", Secret, OwnerOnly | UnixFileMode.OtherRead);

        var e = Assert.Throws<ConfigurationException>(() => Load(
            new { Name = "relative", Script = "hooks/plain.sh" },
            new { Name = "RELATIVE", Script = notExecutable },
            new { Name = "open", Script = everyoneWrites, SecretFile = "loose.key" },
            new { Name = "missing", Script = _directory.Combine("nope.sh") },
            new { Name = "both", Script = notExecutable, Url = "https://x/" },
            new { Name = "neither", TimeoutSeconds = 0 },
            new { Name = "clear", Url = "http://automation.example.net/tip", Secret },
            new { Name = "creds", Url = "https://user:" + Secret + "@automation.example.net/", Secret },
            new { Name = "loose", Url = "https://automation.example.net/", SecretFile = "loose.key", TimeoutSeconds = 3601 },
            new { Name = "unsigned", Url = "https://automation.example.net/", Arguments = s_oneArgument },
            new { Name = "bad name", Url = "https://automation.example.net/", Secret }));

        const string K = "Monitoring:Remediation:Hooks:";
        AssertProblem(e, K + "0:Script: 'hooks/plain.sh' is not an absolute path");
        AssertProblem(e, K + "1:Name: 'RELATIVE' is used by another hook; names are unique (case ignored)");
        AssertProblem(e, K + "1:Script: " + notExecutable + " is not executable");
        AssertProblem(e, K + "2: Secret, SecretFile and AllowHttp belong to a Url hook");
        AssertProblem(e, K + "2:Script: " + everyoneWrites + " is writable by every user");
        AssertProblem(e, K + "3:Script: the file " + _directory.Combine("nope.sh") + " does not exist");
        AssertProblem(e, K + "4: set Script or Url, not both");
        AssertProblem(e, K + "5:Script: required, or Url");
        AssertProblem(e, K + "5:TimeoutSeconds: 0 is out of range; 1 to 3600 (default 60)");
        AssertProblem(e, K + "6:Url: plain http is allowed only to 127.0.0.1, ::1 or localhost; use https, or set AllowHttp to true");
        AssertProblem(e, K + "7:Url: must not carry credentials in the URL");
        AssertProblem(e, K + "8:SecretFile: ");
        Assert.Contains(e.Problems, p => p.StartsWith(K + "8:SecretFile: ", StringComparison.Ordinal) && p.Contains("chmod 600", StringComparison.Ordinal));
        AssertProblem(e, K + "8:TimeoutSeconds: 3601 is out of range");
        AssertProblem(e, K + "9:Arguments: only for a Script hook");
        AssertProblem(e, K + "9:SecretFile: required for a Url hook");
        AssertProblem(e, K + "10:Name: required, 1-64 letters, digits");
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PlainHttpWithAllowHttp_IsAccepted()
    {
        var loaded = Load(new { Name = "lab", Url = "http://automation.lab.example.net/tip", Secret, AllowHttp = true });

        Assert.Equal("http://automation.lab.example.net/tip", Assert.IsType<WebHook>(loaded.Hooks.For(HookTip("lab"))).Url.ToString());
    }

    [Fact]
    public void Load_UnknownHookKey_IsRefusedByItsPath()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new { Name = "x", Url = "https://x/", Secret, Command = "rm -rf /" }));

        AssertProblem(e, "Monitoring:Remediation:Hooks:0:Command: unknown key");
    }

    internal static Tip HookTip(string hook) => new()
    {
        Id = "tip-1",
        ConditionKey = "hook/" + hook,
        Target = "hv16/HV16-01",
        Summary = "s",
        Details = "d",
        Cause = "c",
        ExpectedEffect = "e",
        Action = TipAction.RunHook(hook),
    };

    private static void AssertProblem(ConfigurationException e, string start) =>
        Assert.True(e.Problems.Any(p => p.StartsWith(start, StringComparison.Ordinal)), $"no problem starts with \"{start}\"; got:\n{e.Message}");

    private LoadedConfiguration Load(params object[] hooks)
    {
        var path = _directory.Write("monitoring.json", JsonSerializer.Serialize(new { Monitoring = new { Remediation = new { Hooks = hooks } } }));
        return ConfigurationLoader.Load(path, s_noEnvironment);
    }
}
