using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Collection;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Exports;
using Monitoring.Service.Exports.Webhooks;
using Monitoring.Storage;
using Monitoring.Storage.Exports;
using Xunit;

namespace Monitoring.IntegrationTests.Exports;

/// <summary>Webhooks against a real HTTP receiver (Kestrel) that first times out, then answers 500, then 200; and a second
/// webhook that is always healthy, which the failing one must not hold back.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "webhook-secret-not-for-logs";
    private readonly Workspace _workspace = new();
    private readonly ExportEstate _estate = new();
    private readonly LineLogger<WebhookDispatcher> _log = new();

    public void Dispose()
    {
        _estate.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Deliver_ReceiverTimesOutThenFailsThenAccepts_DeliveredOnceAcceptedSignedAndTheOtherWebhookCarriesOn()
    {
        await using var flaky = await WebhookReceiver.StartAsync(
            new ReceiverAnswer(HttpStatusCode.OK, TimeSpan.FromSeconds(10)),
            new ReceiverAnswer(HttpStatusCode.InternalServerError),
            new ReceiverAnswer(HttpStatusCode.OK));
        await using var healthy = await WebhookReceiver.StartAsync(new ReceiverAnswer(HttpStatusCode.OK));
        var database = MonitoringDatabase.Sqlite("Data Source=monitoring.db", _workspace.Directory);
        await database.MigrateAsync(CancellationToken.None);
        var positions = new ExportPositionStore(database, TimeProvider.System);
        WebhookSettings[] webhooks =
        [
            // 3 s, not 1: on a loaded CI machine a request once took over a second to reach the receiver, so an
            // extra attempt timed out before the first answer was used and the counts below were off by one.
            new("flaky", flaky.Url, new Secret(Secret), TimeSpan.FromSeconds(3), 10),
            new("healthy", healthy.Url, new Secret(Secret), TimeSpan.FromSeconds(3), 10),
        ];
        using var dispatcher = new WebhookDispatcher(webhooks, _estate.Services, positions, _estate.Metrics, TimeProvider.System, _log);
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await WaitAsync(async () => await positions.GetAsync("webhook:flaky", CancellationToken.None) is not null
                && await positions.GetAsync("webhook:healthy", CancellationToken.None) is not null);

            var alert = _estate.FailTarget();

            await WaitAsync(() => Task.FromResult(healthy.Received.Count == 1));
            Assert.True(flaky.Received.Count < 3, "the healthy webhook was held back by the failing one");
            // Delivered means answered 2xx and then recorded: stopping between the two would (rightly) deliver
            // the change again after a restart, so wait for the stored position, not only the receiver's count.
            await WaitAsync(async () => flaky.Received.Count == 3 && await positions.GetAsync("webhook:flaky", CancellationToken.None) == 1);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        var attempts = flaky.Received.ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK], attempts.Select(a => a.Answer.Status));
        Assert.All(attempts, a => Assert.Equal("1", a.Headers[WebhookSender.SequenceHeader].ToString()));
        var accepted = attempts[^1];
        Assert.True(VerifiedIndependently(accepted.Headers[WebhookSignature.Header].ToString(), accepted.Body), "the signature does not verify");
        using var json = JsonDocument.Parse(accepted.Body);
        Assert.Equal(("VirtTargetUnreachable", "raised", "open", "vc01", "target:vc01"), (
            json.RootElement.GetProperty("name").GetString(), json.RootElement.GetProperty("change").GetString(), json.RootElement.GetProperty("state").GetString(),
            json.RootElement.GetProperty("target").GetString(), json.RootElement.GetProperty("object").GetString()));

        Assert.Equal(2, _estate.Value("virt_webhook_deliveries_total", "flaky", ExportMetrics.Failure));
        Assert.Equal(1, _estate.Value("virt_webhook_deliveries_total", "flaky", ExportMetrics.Success));
        Assert.Contains(_log.Lines, l => l.Contains("Webhook flaky: delivery of change 1 failed (attempt 1: no answer within 3 s)", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.Contains("Webhook flaky: delivery of change 1 failed (attempt 2: HTTP 500", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
        Assert.Equal(1, await positions.GetAsync("webhook:flaky", CancellationToken.None));
    }

    /// <summary>What a receiver does (docs/alerting.md): HMAC-SHA256 over "t.body" with the shared secret, compared to v1.</summary>
    private static bool VerifiedIndependently(string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["t"], CultureInfo.InvariantCulture));
        var signed = Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
        return age < TimeSpan.FromMinutes(5) && expected == parts["v1"];
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within 30 s");
            await Task.Delay(100);
        }
    }
}
