using System.Text.Json;
using Monitoring.Service.Configuration;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Exports;

/// <summary><c>Monitoring:Alerting:Alertmanager</c> and <c>:Webhooks</c>: what loads, and bad input naming its key.</summary>
public sealed class AlertExportConfigurationTests : IDisposable
{
    private const string Secret = "hmac-key-never-shown";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly Dictionary<string, string?> s_noEnvironment = [];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_HaPairWithTokenFileAndAWebhook_LoadsWithDefaults()
    {
        _directory.Write("secrets/am.token", "token-value\n", OwnerOnly);
        _directory.Write("secrets/hook.key", Secret + "\n", OwnerOnly);

        var loaded = Load(new
        {
            Alertmanager = new { Url = "http://am-1:9093; http://am-2:9093", BearerTokenFile = "secrets/am.token" },
            Webhooks = new[] { new { Name = "servicedesk", Url = "https://desk.example.net/hooks/alerts", SecretFile = "secrets/hook.key" } },
        });

        var am = loaded.AlertExports.Alertmanager!;
        Assert.Equal(["http://am-1:9093/", "http://am-2:9093/"], am.Urls.Select(u => u.ToString()));
        Assert.Equal("Bearer token-value", am.Authorization!.Reveal());
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(15)), (am.Timeout, am.ResendInterval, am.ResolvedResend));
        var hook = Assert.Single(loaded.AlertExports.Webhooks);
        Assert.Equal(("servicedesk", Secret, 10), (hook.Name, hook.Secret.Reveal(), hook.MaxAttempts));
    }

    [Fact]
    public void Load_NoAlerting_NothingIsExported()
    {
        var loaded = Load(new { });

        Assert.Null(loaded.AlertExports.Alertmanager);
        Assert.Empty(loaded.AlertExports.Webhooks);
    }

    [Fact]
    public void Load_BadValues_EachNamesItsKeyAndNoSecretIsShown()
    {
        _directory.Write("loose.key", Secret, UnixFileMode.UserRead | UnixFileMode.OtherRead);

        var e = Assert.Throws<ConfigurationException>(() => Load(new
        {
            Alertmanager = new { Url = "ftp://am:9093", ResendIntervalSeconds = 1 },
            Webhooks = new object[]
            {
                new { Name = "desk", Url = "https://user:" + Secret + "@desk/", Secret },
                new { Name = "DESK", Url = "http://x/", SecretFile = "loose.key", MaxAttempts = -1 },
                new { Name = "bad name", Url = "http://x/" },
            },
        }));

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Alertmanager:Url: not an http or https URL", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Alertmanager:ResendIntervalSeconds: 1 is out of range; 5 to 3600", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:0:Url: must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:1:Name: 'DESK' is used by another webhook", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:1:MaxAttempts: -1 is out of range", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:1:SecretFile: ", StringComparison.Ordinal) && p.Contains("chmod 600", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:2:Name: required", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:2:Secret: required", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownWebhookKey_IsRefusedByItsPath()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new { Webhooks = new[] { new { Name = "desk", Url = "http://x/", Secret, Retries = 3 } } }));

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Alerting:Webhooks:0:Retries: unknown key", StringComparison.Ordinal));
    }

    private LoadedConfiguration Load(object alerting)
    {
        var path = _directory.Write("monitoring.json", JsonSerializer.Serialize(new { Monitoring = new { Alerting = alerting } }));
        return ConfigurationLoader.Load(path, s_noEnvironment);
    }
}
