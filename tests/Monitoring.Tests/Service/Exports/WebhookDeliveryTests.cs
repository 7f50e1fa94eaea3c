using System.Net;
using System.Text;
using Monitoring.Core.Collection;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Exports;
using Monitoring.Service.Exports.Webhooks;
using Monitoring.Storage.Exports;
using Monitoring.Tests.Support;
using Xunit;
using A = Monitoring.Tests.Service.Exports.ExportTestAlerts;

namespace Monitoring.Tests.Service.Exports;

/// <summary>One webhook's delivery loop against an in-process receiver, with positions in a real SQLite file.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "hmac-key-never-shown";
    private readonly TempDirectory _directory = new();
    private readonly InMemoryAlertStore _store = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_ReceiverFailsTwiceThenAccepts_DeliveredOnceAcceptedInOrderAndSigned()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway]);
        var receiver = new Receiver(_ => answers.TryDequeue(out var code) ? code : HttpStatusCode.OK);
        var positions = new ExportPositionStore(await TestDatabase.CreateAsync(_directory), TimeProvider.System);
        var metrics = ExportTestMetrics.Create(out var families);
        var logger = new RecordingLogger<WebhookDeliveryTests>();
        await positions.AdvanceAsync("webhook:desk", 0, CancellationToken.None); // as if configured before the first alert
        _store.Add(A.Unreachable(id: 0));
        _store.Add(A.HostCpu(id: 0));

        // Until the position is stored too (the pending gauge is set after it): the receiver sees the change first.
        await RunUntilAsync(Delivery(receiver, positions, metrics, logger, maxAttempts: 10), () =>
            receiver.Accepted.Count == 2 && ExportTestMetrics.Value(families, "virt_webhook_pending_changes", "desk") == 0);

        Assert.Equal(["1", "1", "1", "2"], receiver.All.Select(r => r.Sequence));
        Assert.Equal(["1", "2"], receiver.Accepted.Select(r => r.Sequence));
        Assert.All(receiver.All, r => Assert.True(WebhookSignature.Verify(Encoding.UTF8.GetBytes(Secret), r.Signature, r.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));
        Assert.Contains("\"object\":\"target:vc01\"", Encoding.UTF8.GetString(receiver.Accepted[0].Body), StringComparison.Ordinal);
        Assert.Equal(2, ExportTestMetrics.Value(families, "virt_webhook_deliveries_total", "desk", ExportMetrics.Failure));
        Assert.Equal(2, ExportTestMetrics.Value(families, "virt_webhook_deliveries_total", "desk", ExportMetrics.Success));
        Assert.Equal(2, await positions.GetAsync("webhook:desk", CancellationToken.None));
        Assert.Contains(logger.Lines, l => l.Contains("delivery of change 1 failed (attempt 2: HTTP 502", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ReceiverAlwaysRefusesOneChange_GivenUpAfterMaxAttemptsAndTheNextIsDelivered()
    {
        var receiver = new Receiver(r => r.Sequence == "1" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        var positions = new ExportPositionStore(await TestDatabase.CreateAsync(_directory), TimeProvider.System);
        var metrics = ExportTestMetrics.Create(out var families);
        var logger = new RecordingLogger<WebhookDeliveryTests>();
        await positions.AdvanceAsync("webhook:desk", 0, CancellationToken.None);
        _store.Add(A.Unreachable(id: 0));
        _store.Add(A.HostCpu(id: 0));

        await RunUntilAsync(Delivery(receiver, positions, metrics, logger, maxAttempts: 3), () => receiver.Accepted.Count == 1);

        Assert.Equal(["1", "1", "1", "2"], receiver.All.Select(r => r.Sequence));
        Assert.Equal(1, ExportTestMetrics.Value(families, "virt_webhook_deliveries_total", "desk", ExportMetrics.Dropped));
        Assert.Contains(logger.Lines, l => l.StartsWith("Error: Webhook desk: change 1 given up after 3 attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_RestartedAfterDelivering_SendsOnlyWhatCameAfter()
    {
        var receiver = new Receiver(_ => HttpStatusCode.OK);
        var database = await TestDatabase.CreateAsync(_directory);
        var metrics = ExportTestMetrics.Create(out _);
        var logger = new RecordingLogger<WebhookDeliveryTests>();
        await new ExportPositionStore(database, TimeProvider.System).AdvanceAsync("webhook:desk", 0, CancellationToken.None);
        _store.Add(A.Unreachable(id: 0));
        await RunUntilAsync(Delivery(receiver, new ExportPositionStore(database, TimeProvider.System), metrics, logger, 10), () => receiver.Accepted.Count == 1);

        _store.Add(A.HostCpu(id: 0));
        await RunUntilAsync(Delivery(receiver, new ExportPositionStore(database, TimeProvider.System), metrics, logger, 10), () => receiver.Accepted.Count == 2);

        Assert.Equal(["1", "2"], receiver.All.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Run_NewWebhook_StartsAtTheEndOfTheLogNotWithTheHistory()
    {
        var receiver = new Receiver(_ => HttpStatusCode.OK);
        var positions = new ExportPositionStore(await TestDatabase.CreateAsync(_directory), TimeProvider.System);
        _store.Add(A.Unreachable(id: 0));
        var delivery = Delivery(receiver, positions, ExportTestMetrics.Create(out _), new RecordingLogger<WebhookDeliveryTests>(), 10);
        using var stop = new CancellationTokenSource();
        var run = delivery.RunAsync(stop.Token);
        while (await positions.GetAsync("webhook:desk", CancellationToken.None) is null)
        {
            await Task.Delay(20);
        }

        _store.Add(A.HostCpu(id: 0));
        await WaitAsync(() => receiver.Accepted.Count == 1);
        await stop.CancelAsync();
        await StoppedAsync(run);

        Assert.Equal(["2"], receiver.All.Select(r => r.Sequence));
    }

    private WebhookDelivery Delivery(Receiver receiver, IExportPositionStore positions, ExportMetrics metrics, RecordingLogger<WebhookDeliveryTests> logger, int maxAttempts)
    {
        var settings = new WebhookSettings("desk", new Uri("http://receiver.invalid/hook"), new Secret(Secret), TimeSpan.FromSeconds(5), maxAttempts);
        return new WebhookDelivery(settings, new WebhookSender(settings, TimeProvider.System, receiver), _store, positions, _ => Task.FromResult<Func<string, bool>>(_ => false), metrics, TimeProvider.System, logger)
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
            BackoffUnit = TimeSpan.FromMilliseconds(10),
        };
    }

    private static async Task RunUntilAsync(WebhookDelivery delivery, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var run = delivery.RunAsync(stop.Token);
        await WaitAsync(done);
        await stop.CancelAsync();
        await StoppedAsync(run);
    }

    /// <summary>The loop ends when stopped, either quietly or with a cancellation.</summary>
    private static async Task StoppedAsync(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // stopped while waiting
        }
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the receiver did not get what was expected in time");
            await Task.Delay(20);
        }
    }

    private sealed record Received(string? Sequence, string? Signature, byte[] Body);

    /// <summary>Answers each request by its sequence header; keeps every request and the accepted ones.</summary>
    private sealed class Receiver(Func<Received, HttpStatusCode> answer) : HttpMessageHandler
    {
        private readonly List<Received> _all = [];
        private readonly List<Received> _accepted = [];

        public IReadOnlyList<Received> All
        {
            get
            {
                lock (_all)
                {
                    return [.. _all];
                }
            }
        }

        public IReadOnlyList<Received> Accepted
        {
            get
            {
                lock (_all)
                {
                    return [.. _accepted];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var received = new Received(
                request.Headers.TryGetValues(WebhookSender.SequenceHeader, out var s) ? s.Single() : null,
                request.Headers.TryGetValues(WebhookSignature.Header, out var h) ? h.Single() : null,
                await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            var code = answer(received);
            lock (_all)
            {
                _all.Add(received);
                if (code == HttpStatusCode.OK)
                {
                    _accepted.Add(received);
                }
            }

            return new HttpResponseMessage(code);
        }
    }
}
