using System.Text.Json.Nodes;
using Monitoring.Core.Configuration;
using Monitoring.Service.Configuration;
using Monitoring.Storage.HealthStores;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Configuration;

/// <summary><c>Monitoring:Retention</c>'s health and tip keys: defaults, values read, and a value out of range named with what is allowed.</summary>
public sealed class HealthRetentionConfigurationTests : IDisposable
{
    private static readonly Dictionary<string, string?> s_noEnvironment = [];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_NoHealthRetention_DefaultsThirtyThirtySeven()
    {
        var loaded = ConfigurationLoader.Load(Write(new JsonObject()), s_noEnvironment);

        Assert.Equal(HealthRetention.Default, loaded.Retention.Health);
        Assert.Equal((30, 30, 7), (RetentionOptions.DefaultStateChangeDays, RetentionOptions.DefaultClosedAlertDays, RetentionOptions.DefaultAlertChangeLogDays));
    }

    [Fact]
    public void Load_HealthRetentionSet_IsRead()
    {
        var loaded = ConfigurationLoader.Load(Write(new JsonObject { ["StateChangeDays"] = 10, ["ClosedAlertDays"] = 90, ["AlertChangeLogDays"] = 2 }), s_noEnvironment);

        Assert.Equal(new HealthRetention(TimeSpan.FromDays(10), TimeSpan.FromDays(90), TimeSpan.FromDays(2)), loaded.Retention.Health);
    }

    [Fact]
    public void Load_HealthRetentionOutOfRange_NamesTheKeyAndWhatIsAllowed()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(Write(new JsonObject { ["StateChangeDays"] = 0, ["ClosedAlertDays"] = -1 }), s_noEnvironment));

        Assert.Contains("Monitoring:Retention:StateChangeDays: 0 is out of range; allowed 1 to 36600 (default 30)", e.Problems);
        Assert.Contains("Monitoring:Retention:ClosedAlertDays: -1 is out of range; allowed 1 to 36600 (default 30)", e.Problems);
    }

    [Fact]
    public void Load_FinalTipDays_DefaultsNinetyIsReadAndOutOfRangeIsNamed()
    {
        Assert.Equal(TimeSpan.FromDays(90), ConfigurationLoader.Load(Write(new JsonObject()), s_noEnvironment).Retention.FinalTips);
        Assert.Equal(TimeSpan.FromDays(400), ConfigurationLoader.Load(Write(new JsonObject { ["FinalTipDays"] = 400 }), s_noEnvironment).Retention.FinalTips);

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(Write(new JsonObject { ["FinalTipDays"] = 0 }), s_noEnvironment));
        Assert.Contains("Monitoring:Retention:FinalTipDays: 0 is out of range; allowed 1 to 36600 (default 90)", e.Problems);
    }

    private string Write(JsonObject retention) => _directory.Write("monitoring.json", new JsonObject
    {
        ["Monitoring"] = new JsonObject
        {
            ["Retention"] = retention,
            ["Targets"] = new JsonArray(new JsonObject
            {
                ["Name"] = "vc01", ["Kind"] = "vSphere", ["Address"] = "https://vc01.example.net/sdk", ["Username"] = "svc",
                ["Password"] = "not-a-real-secret",
            }),
        },
    }.ToJsonString());
}
