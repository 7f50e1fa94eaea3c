using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Service.Remediation.Alerts;
using Xunit;

namespace Monitoring.Tests.Service.Remediation;

/// <summary>The webhook body as Alertmanager sends it (a published version 4 body, see TestData/SOURCES.md) and bodies
/// that must be refused with a message naming the field.</summary>
public sealed class WebhookMessageTests
{
    private static readonly string s_published = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "alertmanager", "matjaz99-alertmonitor", "example_with_external_labels.json"));

    private static (WebhookMessage? Message, List<string> Problems) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<string>();
        return (WebhookMessage.Read(document.RootElement, problems), problems);
    }

    [Fact]
    public void PublishedVersion4Body_IsRead_EveryAlertWithItsFingerprintLabelsAndStart()
    {
        var (message, problems) = Read(s_published);

        Assert.Empty(problems);
        Assert.Equal("firing", message!.Status);
        Assert.Equal(10, message.Alerts.Count);
        var first = message.Alerts[0];
        Assert.Equal(("3a14bc2cceb179a4", "InstanceDown", "critical"), (first.Fingerprint, first.Name, first.Labels["severity"]));
        Assert.Equal(new DateTimeOffset(2021, 12, 7, 14, 26, 49, 66, TimeSpan.Zero), first.StartsAt.AddTicks(-(first.StartsAt.Ticks % TimeSpan.TicksPerMillisecond)));
        Assert.Equal("192.168.91.91:9000 of job minio has been down for more than 1 minute.", first.Description);
        Assert.Equal(message.Alerts.Count, message.Alerts.Select(a => a.Fingerprint).Distinct().Count());
    }

    [Theory]
    [InlineData("version", "\"3\"", "version: \"3\" is not supported")]
    [InlineData("status", "\"pending\"", "status: must be \"firing\" or \"resolved\"")]
    [InlineData("alerts", "{}", "alerts: required, a list of alerts")]
    public void WrongTopLevelField_IsRefused_NamingIt(string field, string value, string expected)
    {
        var body = JsonNode.Parse(s_published)!.AsObject();
        body[field] = JsonNode.Parse(value);

        var (message, problems) = Read(body.ToJsonString());

        Assert.Null(message);
        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AlertWithoutFingerprintOrAlertnameOrStart_IsRefused_AndNothingIsRead()
    {
        var body = JsonNode.Parse(s_published)!.AsObject();
        var alerts = body["alerts"]!.AsArray();
        alerts[1]!.AsObject().Remove("fingerprint");
        alerts[2]!["labels"]!.AsObject().Remove("alertname");
        alerts[3]!["startsAt"] = "yesterday";
        alerts[4]!["labels"]!["severity"] = 3;

        var (message, problems) = Read(body.ToJsonString());

        Assert.Null(message);
        Assert.Equal(
            ["alerts[1].fingerprint: required", "alerts[2].labels.alertname: required", "alerts[3].startsAt: required, an RFC 3339 time", "alerts[4].labels.severity: must be a string"],
            problems.Select(p => p.Split(" (")[0]));
    }

    [Fact]
    public void NoVersion_IsRefused()
    {
        var (message, problems) = Read("""{"status":"firing","alerts":[]}""");

        Assert.Null(message);
        Assert.Equal("version: required; this receiver reads Alertmanager's webhook version \"4\"", Assert.Single(problems));
    }
}
