using System.Text.Json.Nodes;
using Monitoring.Core.Collection;
using Monitoring.Core.Configuration;
using Monitoring.Service.Configuration;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    /// <summary>The password every configuration here carries; no refusal may ever show it.</summary>
    private const string Secret = "S3cr3t-h0rse-Battery!";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly Dictionary<string, string?> s_noEnvironment = [];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_ValidVSphereTarget_GivesItsDefinitionWithDefaults()
    {
        var path = WriteConfig(Target());

        var loaded = ConfigurationLoader.Load(path, s_noEnvironment);

        var target = Assert.Single(loaded.Targets);
        Assert.Equal(("vc01", TargetKind.VSphere, "https://vc01.example.net/sdk", "svc-monitor"), (target.Name, target.Kind, target.Address.ToString(), target.Username));
        Assert.Equal(Secret, target.Password.Reveal());
        Assert.Equal(TimeSpan.FromSeconds(TargetOptions.DefaultTimeoutSeconds), target.Timeout);
        Assert.Equal(TargetOptions.DefaultMaxQueryObjects, target.MaxQueryObjects);
        Assert.Null(target.Thumbprint);
        Assert.Equal(path, loaded.Source);
    }

    [Fact]
    public void Load_MisspelledKeyInATarget_NamesItsFullPath()
    {
        var target = Target(("Password", null), ("Pasword", Secret));

        var e = Refused(WriteConfig(target));

        var problem = Assert.Single(e.Problems, p => p.StartsWith("Monitoring:Targets:0:Pasword", StringComparison.Ordinal));
        Assert.Contains("unknown key", problem, StringComparison.Ordinal);
        Assert.Contains("PasswordFile", problem, StringComparison.Ordinal); // says what is allowed
    }

    [Fact]
    public void Load_UnknownKeyUnderMonitoring_NamesIt()
    {
        var config = new JsonObject { ["Monitoring"] = new JsonObject { ["Targets"] = new JsonArray(Target()), ["Alerts"] = new JsonObject { ["Url"] = "http://127.0.0.1:9093" } } };

        var e = Refused(Write("monitoring.json", config));

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerts:", StringComparison.Ordinal) && p.Contains("Alerting", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownKeyInsideASection_NamesItsFullPath()
    {
        var config = new JsonObject { ["Monitoring"] = new JsonObject { ["Storage"] = new JsonObject { ["Provder"] = "Sqlite" }, ["Targets"] = new JsonArray(Target()) } };

        var e = Refused(Write("monitoring.json", config));

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Storage:Provder:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownKind_ListsTheAllowedKinds()
    {
        var e = Refused(WriteConfig(Target(("Kind", "VMware"))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:Kind", problem, StringComparison.Ordinal);
        Assert.Contains("'VMware'", problem, StringComparison.Ordinal);
        foreach (var kind in new[] { "vSphere", "HyperV", "VirtualServer", "Windows" })
        {
            Assert.Contains(kind, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_DcomKind_IsRefusedSayingToUseWinRM()
    {
        var e = Refused(WriteConfig(Target(("Kind", "Dcom"), ("Address", "https://win01.example.net:5986/wsman"))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:Kind", problem, StringComparison.Ordinal);
        Assert.Contains("WinRM", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VSphereOverPlainHttp_IsRefusedAskingForHttps()
    {
        var e = Refused(WriteConfig(Target(("Address", "http://vc01.example.net/sdk"))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:Address", problem, StringComparison.Ordinal);
        Assert.Contains("https://vc01.example.net/sdk", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AddressCarryingCredentials_IsRefusedWithoutEchoingThem()
    {
        var e = Refused(WriteConfig(Target(("Address", $"https://svc-monitor:{Uri.EscapeDataString(Secret)}@vc01.example.net/sdk"))), secrets: Uri.EscapeDataString(Secret));

        Assert.StartsWith("Monitoring:Targets:0:Address", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PasswordFileReadableByOthers_IsRefusedSayingChmod600()
    {
        _directory.Write("vc01.pass", Secret + "\n", WorldReadable);

        var e = Refused(WriteConfig(Target(("Password", null), ("PasswordFile", "vc01.pass"))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:PasswordFile", problem, StringComparison.Ordinal);
        Assert.Contains("chmod 600", problem, StringComparison.Ordinal);
        Assert.Contains("0644", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("")]
    public void Load_PasswordFileReadableOnlyByItsOwner_GivesItsContentWithoutTheLineBreak(string lineBreak)
    {
        _directory.Write("vc01.pass", Secret + lineBreak, OwnerOnly);

        var loaded = ConfigurationLoader.Load(WriteConfig(Target(("Password", null), ("PasswordFile", "vc01.pass"))), s_noEnvironment);

        Assert.Equal(Secret, Assert.Single(loaded.Targets).Password.Reveal());
    }

    [Fact]
    public void Load_RelativePasswordFile_ResolvesAgainstTheConfigFilesFolder()
    {
        _directory.Write("etc/monitoring/secrets/vc01.pass", Secret + "\n", OwnerOnly);
        var config = new JsonObject { ["Monitoring"] = new JsonObject { ["Targets"] = new JsonArray(Target(("Password", null), ("PasswordFile", "secrets/vc01.pass"))) } };
        var path = Write("etc/monitoring/monitoring.json", config);
        Assert.NotEqual(Path.GetDirectoryName(path), Directory.GetCurrentDirectory());

        var loaded = ConfigurationLoader.Load(path, s_noEnvironment);

        Assert.Equal(Secret, Assert.Single(loaded.Targets).Password.Reveal());
        Assert.Equal(_directory.Combine("etc", "monitoring"), loaded.BaseDirectory);
    }

    [Fact]
    public void Load_PasswordFileMissing_IsRefusedNamingTheResolvedPath()
    {
        var e = Refused(WriteConfig(Target(("Password", null), ("PasswordFile", "secrets/none.pass"))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:PasswordFile", problem, StringComparison.Ordinal);
        Assert.Contains(_directory.Combine("secrets", "none.pass"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThumbprintWithColonsInLowerCase_IsAcceptedAsTheSameBytes()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var written = TestCertificates.ColonHex(certificate).ToLowerInvariant();

        var loaded = ConfigurationLoader.Load(WriteConfig(Target(("Thumbprint", written))), s_noEnvironment);

        Assert.Equal(TestCertificates.Sha256(certificate), Assert.Single(loaded.Targets).Thumbprint);
    }

    [Fact]
    public void Load_Sha1Thumbprint_IsRefusedWithAHint()
    {
        using var certificate = TestCertificates.SelfSigned("vc01.example.net");
        var sha1 = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA1);

        var e = Refused(WriteConfig(Target(("Thumbprint", sha1))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:Thumbprint", problem, StringComparison.Ordinal);
        Assert.Contains("SHA-1", problem, StringComparison.Ordinal);
        Assert.Contains("SHA-256", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentAlone_MakesAWholeConfiguration()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Monitoring__Targets__0__Name"] = "vc01",
            ["Monitoring__Targets__0__Kind"] = "vSphere",
            ["Monitoring__Targets__0__Address"] = "https://vc01.example.net/sdk",
            ["Monitoring__Targets__0__Username"] = "svc-monitor",
            ["Monitoring__Targets__0__Password"] = Secret,
            ["Monitoring__Targets__0__TimeoutSeconds"] = "10",
            ["Monitoring__Http__Urls"] = "http://127.0.0.1:9100",
            ["PATH"] = "/usr/bin",
        };

        var loaded = ConfigurationLoader.Load(null, environment);

        var target = Assert.Single(loaded.Targets);
        Assert.Equal(("vc01", TargetKind.VSphere, "svc-monitor", TimeSpan.FromSeconds(10)), (target.Name, target.Kind, target.Username, target.Timeout));
        Assert.Equal(Secret, target.Password.Reveal());
        Assert.Equal("http://127.0.0.1:9100", loaded.Options.Http.Urls);
        Assert.Equal(StorageOptions.DefaultConnectionString, loaded.Options.Storage.ConnectionString);
        Assert.Null(loaded.Source);
        Assert.Equal(Directory.GetCurrentDirectory(), loaded.BaseDirectory);
    }

    [Fact]
    public void Load_EnvironmentAndFile_EnvironmentWins()
    {
        var path = WriteConfig(Target(("Password", "what-the-file-says"), ("Address", "https://old.example.net/sdk")));
        var environment = new Dictionary<string, string?>
        {
            ["Monitoring__Targets__0__Password"] = Secret,
            ["Monitoring__Targets__0__Address"] = "https://vc01.example.net:8443/sdk",
        };

        var loaded = ConfigurationLoader.Load(path, environment);

        var target = Assert.Single(loaded.Targets);
        Assert.Equal(Secret, target.Password.Reveal());
        Assert.Equal(new Uri("https://vc01.example.net:8443/sdk"), target.Address);
        Assert.Equal("vc01", target.Name); // what the environment does not set still comes from the file
    }

    [Fact]
    public void Load_NoFileAndNoVariables_RunsOnDefaultsWithNoTargets()
    {
        var loaded = ConfigurationLoader.Load(null, s_noEnvironment);

        Assert.Empty(loaded.Targets);
        Assert.Equal(HttpOptions.DefaultUrls, loaded.Options.Http.Urls);
        Assert.Equal(StorageOptions.SqliteProvider, loaded.Options.Storage.Provider);
    }

    [Fact]
    public void Load_TwoTargetsWithOneName_IsRefused()
    {
        var config = new JsonObject { ["Monitoring"] = new JsonObject { ["Targets"] = new JsonArray(Target(), Target(("Name", "VC01"), ("Address", "https://vc02.example.net/sdk"))) } };

        var e = Refused(Write("monitoring.json", config));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:1:Name", problem, StringComparison.Ordinal);
        Assert.Contains("unique", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TimeoutThatIsNotANumber_IsRefusedNamingTheKeyRatherThanDroppingTheTarget()
    {
        var e = Refused(WriteConfig(Target(("TimeoutSeconds", "thirty"))));

        Assert.StartsWith("Monitoring:Targets:0:TimeoutSeconds", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeoutSeconds", 0)]
    [InlineData("TimeoutSeconds", 86_400)]
    [InlineData("MaxQueryObjects", 0)]
    public void Load_NumberOutOfRange_IsRefusedSayingTheRange(string key, int value)
    {
        var e = Refused(WriteConfig(Target((key, value))));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith($"Monitoring:Targets:0:{key}", problem, StringComparison.Ordinal);
        Assert.Contains("allowed", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PasswordAndPasswordFileBoth_IsRefused()
    {
        _directory.Write("vc01.pass", Secret, OwnerOnly);

        var e = Refused(WriteConfig(Target(("PasswordFile", "vc01.pass"))));

        Assert.Contains("not both", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoPassword_IsRefusedNamingTheEnvironmentVariable()
    {
        var e = Refused(WriteConfig(Target(("Password", null))));

        Assert.Contains("Monitoring__Targets__N__Password", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileThatIsNotJson_IsRefusedWithoutEchoingItsContent()
    {
        var path = _directory.Write("monitoring.json", "{ \"Monitoring\": { \"Targets\": [ { \"Name\": \"vc01\", \"Password\": \"" + Secret + "\" ,, } ] } }");

        var e = Refused(path);

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfigFileMissing_IsRefusedNamingIt()
    {
        var path = _directory.Combine("nowhere.json");

        var e = Refused(path);

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOneAndNoSecret()
    {
        var config = new JsonObject
        {
            ["Monitoring"] = new JsonObject
            {
                ["Targets"] = new JsonArray(
                    Target(("Kind", "Dcom")),
                    Target(("Name", "vc02"), ("Address", "http://vc02.example.net/sdk"), ("Thumbprint", "AB:CD")),
                    Target(("Name", "vc03"), ("Username", null))),
            },
        };

        var e = Refused(Write("monitoring.json", config));

        Assert.Equal(
            ["Monitoring:Targets:0:Kind", "Monitoring:Targets:1:Address", "Monitoring:Targets:1:Thumbprint", "Monitoring:Targets:2:Username"],
            e.Problems.Select(p => p[..p.IndexOf(':', "Monitoring:Targets:0:".Length)]));
    }

    /// <summary>A vSphere target as JSON; each override sets a key, or removes it when its value is null.</summary>
    private static JsonObject Target(params (string Key, object? Value)[] overrides)
    {
        var target = new JsonObject
        {
            ["Name"] = "vc01",
            ["Kind"] = "vSphere",
            ["Address"] = "https://vc01.example.net/sdk",
            ["Username"] = "svc-monitor",
            ["Password"] = Secret,
        };
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = JsonValue.Create(value);
            }
        }

        return target;
    }

    private string WriteConfig(JsonObject target) =>
        Write("monitoring.json", new JsonObject { ["Monitoring"] = new JsonObject { ["Targets"] = new JsonArray(target) } });

    private string Write(string relativePath, JsonObject config) =>
        _directory.Write(relativePath, config.ToJsonString());

    /// <summary>Loads, expects a refusal, and checks that no secret shows in any of its lines.</summary>
    private static ConfigurationException Refused(string? path, IReadOnlyDictionary<string, string?>? environment = null, params string[] secrets)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, environment ?? s_noEnvironment));
        Assert.NotEmpty(e.Problems);
        foreach (var secret in secrets.Append(Secret))
        {
            Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
            Assert.All(e.Problems, p => Assert.DoesNotContain(secret, p, StringComparison.Ordinal));
        }

        return e;
    }
}
