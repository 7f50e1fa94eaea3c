using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.HealthModel.Alerts;
using Monitoring.Remediation.Alerts;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Remediation.Alerts;
using Monitoring.Service.Remediation.Automation;
using Monitoring.Storage;
using Monitoring.Storage.Exports;
using Monitoring.Storage.HealthStores;
using Monitoring.Storage.TipStores;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Remediation;

/// <summary>Tips from our own alerts as the service runs it: its own loop follows the alert change log in a real
/// SQLite file, keeps its position there, and survives a restart.</summary>
public sealed class OurAlertTipServiceTests : IDisposable
{
    private const string Host1 = "vc01/host-1";
    private const string Host2 = "vc01/host-2";
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(s_start);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_AlertOpenAtStartThenANewOneClosed_OneTipEachAndTheClosedOnesTipClosed()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var alerts = new EfAlertStore(database, _clock);
        alerts.Add(Alert(Host1));
        var tips = new EfTipStore(database);

        var service = Service(database, tips);
        await service.StartAsync(CancellationToken.None);

        // The first start takes the open alerts as they stand.
        await UntilAsync(() => tips.List(null, null).Count == 1);
        Assert.Equal((TipAction.EnterMaintenance, Host1), Only(tips, Host1));

        // A new alert raises its tip; closing the alert closes that tip and leaves the other.
        var second = alerts.Add(Alert(Host2));
        await UntilAsync(() => tips.List(null, null).Count == 2);
        alerts.Update(second with { ResolutionState = ResolutionState.Closed, ResolvedAt = _clock.GetUtcNow(), ResolvedBy = "operator" });
        await UntilAsync(() => tips.List(TipStatus.Closed, null).Count == 1);

        Assert.Equal(Host2, Assert.Single(tips.List(TipStatus.Closed, null)).Action.Parameters["host"]);
        Assert.Equal(Host1, Assert.Single(tips.List(TipStatus.Active, null)).Action.Parameters["host"]);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Restart_TipDismissedAndItsAlertRepeated_StaysDismissedAndNoOtherTip()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var alerts = new EfAlertStore(database, _clock);
        var alert = alerts.Add(Alert(Host1));
        var tips = new EfTipStore(database);
        var first = Service(database, tips);
        await first.StartAsync(CancellationToken.None);
        await UntilAsync(() => tips.List(null, null).Count == 1);
        await first.StopAsync(CancellationToken.None);

        var tip = Assert.Single(tips.List(null, null));
        new TipLifecycle(tips, _clock).Dismiss(tip.Id, "operator");
        alerts.Update(alert with { RepeatCount = 1, LastModifiedAt = _clock.GetUtcNow() });

        // A restarted service goes on following the log: the repeat of an open alert raises nothing, and a new alert
        // after the restart gets its tip.
        var restarted = Service(database, tips);
        await restarted.StartAsync(CancellationToken.None);
        var canary = alerts.Add(Alert(Host2)); // once its tip exists, the repeat before it has been read
        await UntilAsync(() => tips.List(null, Host2).Count == 1 || tips.List(null, null).Count > 2);

        Assert.Equal(TipStatus.Dismissed, tips.Find(tip.Id)!.Status);
        Assert.Equal(2, tips.List(null, null).Count);
        Assert.Equal(canary.ObjectId, Assert.Single(tips.List(TipStatus.Active, null)).Action.Parameters["host"]);
        await restarted.StopAsync(CancellationToken.None);
    }

    private static (string Kind, string Host) Only(EfTipStore tips, string host)
    {
        var tip = Assert.Single(tips.List(null, null), t => t.Action.Parameters.GetValueOrDefault("host") == host);
        return (tip.Action.Kind, tip.Action.Parameters["host"]);
    }

    private Alert Alert(string host) => new()
    {
        Name = "VirtHostCpuPressure",
        Description = "CPU above 90 % for 5 minutes",
        Severity = AlertSeverity.Critical,
        Priority = AlertPriority.High,
        ObjectId = host,
        Source = "host.cpu",
        FromMonitor = true,
        RaisedAt = _clock.GetUtcNow(),
        LastModifiedAt = _clock.GetUtcNow(),
    };

    /// <summary>Moves the fake clock past the service's poll interval until <paramref name="done"/> holds.</summary>
    private Task UntilAsync(Func<bool> done) => FakeClockLoop.UntilAsync(_clock, TimeSpan.FromSeconds(2), done);

    private OurAlertTipService Service(MonitoringDatabase database, EfTipStore tips)
    {
        var configuration = TestConfiguration.OneVCenter(
            ("Monitoring__Remediation__AlertRules__0__Alert", "VirtHostCpuPressure"),
            ("Monitoring__Remediation__AlertRules__0__Action", "enterMaintenance"));
        var alerts = new EfAlertStore(database, _clock);
        return new OurAlertTipService(
            new AlertTips(tips, new TipLifecycle(tips, _clock), new AlertTipMapper(configuration.AlertTipRules)),
            configuration,
            alerts,
            alerts,
            new ExportPositionStore(database, _clock),
            new HostGroupDirectory(new InventoryReader(database), _clock),
            _clock,
            NullLogger<OurAlertTipService>.Instance);
    }
}
