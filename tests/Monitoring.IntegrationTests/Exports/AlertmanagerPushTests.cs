using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Exports;
using Monitoring.Service.Exports.Alertmanager;
using Monitoring.Storage;
using Monitoring.Storage.Exports;
using Xunit;

namespace Monitoring.IntegrationTests.Exports;

/// <summary>The real health engine raises and resolves an availability alert; the pusher sends it to a real Alertmanager,
/// which is asked what it holds.</summary>
public sealed class AlertmanagerPushTests : IDisposable
{
    private static readonly TimeSpan s_within = TimeSpan.FromSeconds(30);
    private readonly Workspace _workspace = new();
    private readonly ExportEstate _estate = new();
    private readonly LineLogger<AlertmanagerPusher> _log = new();

    public void Dispose()
    {
        _estate.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Push_TargetUnreachableThenBack_OneAlertWithTheContractLabelsFiresThenResolves()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        var pusher = await StartPusherAsync(alertmanager.Url);
        try
        {
            _estate.FailTarget();

            var firing = await alertmanager.WaitForAsync(a => a.Count > 0, s_within, "the availability alert arriving");
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["alertname"] = "VirtTargetUnreachable",
                    ["severity"] = "critical",
                    ["source"] = "monitoring",
                    ["target"] = "vc01",
                    ["object"] = "target:vc01",
                },
                Assert.Single(firing));

            // Re-sent every second: after several re-sends Alertmanager still holds one alert.
            var pushes = _estate.Value("virt_alertmanager_pushes_total", ExportMetrics.Label(alertmanager.Url), ExportMetrics.Success);
            await WaitAsync(() => _estate.Value("virt_alertmanager_pushes_total", ExportMetrics.Label(alertmanager.Url), ExportMetrics.Success) >= pushes + 3);
            Assert.Single(await alertmanager.AlertsAsync());

            _estate.RecoverTarget();

            await alertmanager.WaitForAsync(a => a.Count == 0, s_within, "the alert resolving");
        }
        finally
        {
            await pusher.StopAsync(CancellationToken.None);
            pusher.Dispose();
        }
    }

    [Fact]
    public async Task Push_AlertmanagerDownWhenTheAlertIsRaised_RetriedAndDeliveredOnceItIsUp()
    {
        var port = ServiceProcess.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var pusher = await StartPusherAsync(url);
        try
        {
            _estate.FailTarget();
            await WaitAsync(() => _estate.Value("virt_alertmanager_pushes_total", ExportMetrics.Label(url), ExportMetrics.Failure) >= 2);
            Assert.Contains(_log.Lines, l => l.StartsWith($"Warning: Alertmanager {ExportMetrics.Label(url)}: push failed", StringComparison.Ordinal) && l.Contains("1 alerts kept and retried", StringComparison.Ordinal));

            await using var alertmanager = await AlertmanagerServer.StartAsync(port);

            var firing = await alertmanager.WaitForAsync(a => a.Count > 0, s_within, "the alert arriving after the outage");
            Assert.Equal("VirtTargetUnreachable", Assert.Single(firing)["alertname"]);
            await WaitAsync(() => _log.Lines.Any(l => l.Contains("push succeeded again", StringComparison.Ordinal)));
        }
        finally
        {
            await pusher.StopAsync(CancellationToken.None);
            pusher.Dispose();
        }
    }

    private async Task<AlertmanagerPusher> StartPusherAsync(Uri url)
    {
        var database = MonitoringDatabase.Sqlite("Data Source=monitoring.db", _workspace.Directory);
        await database.MigrateAsync(CancellationToken.None);
        var settings = new AlertmanagerSettings([url], null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var pusher = new AlertmanagerPusher(settings, _estate.Services, new ExportPositionStore(database, TimeProvider.System), _estate.Metrics, TimeProvider.System, _log)
        {
            PollInterval = TimeSpan.FromMilliseconds(200),
        };
        await pusher.StartAsync(CancellationToken.None);
        return pusher;
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + s_within;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within " + s_within);
            await Task.Delay(100);
        }
    }
}
