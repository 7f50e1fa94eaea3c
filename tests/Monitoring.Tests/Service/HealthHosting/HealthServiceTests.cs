using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.HealthModel;
using Monitoring.HealthModel.Model;
using Monitoring.Service.HealthHosting;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;
using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.Tests.Service.HealthHosting;

/// <summary>The health model as the service runs it: passes hand it their inventory and samples, it judges them on
/// its own loop and stores history and alerts in a real SQLite file.</summary>
public sealed class HealthServiceTests : IDisposable
{
    private const string Cluster = "vc01/domain-c7";
    private const string Host1 = "vc01/host-1";
    private const string Host2 = "vc01/host-2";
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(s_start);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OnInventory_OneHealthyOneRedHost_TheClusterRecordsOneChangeForThePass_UnknownToCritical()
    {
        var (service, database) = await StartedAsync();

        service.OnInventory(Inventory(host2: new ReportedHealth(HealthState.Critical, "vSphere overallStatus red")));
        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);

        var engine = service.Engine!;
        Assert.Equal(HealthState.Critical, engine.HealthOf(Cluster).Health.State);
        Assert.Equal(HealthState.Healthy, engine.HealthOf(Host1).Health.State);

        // The pass is rolled up once at its end: the cluster never shows the healthy it passed through on the way.
        var rolled = Rolled(engine, Cluster);
        var change = Assert.Single(rolled);
        Assert.Equal((HealthState.Unknown, HealthState.Critical), (change.From, change.To));
        var estate = Assert.Single(Rolled(engine, HealthTopology.EstateId));
        Assert.Equal((HealthState.Unknown, HealthState.Critical), (estate.From, estate.To));

        // What it recorded is in the database, for a restarted service and the API.
        var stored = new EfStateChangeStore(database).Query(Cluster, s_start.AddHours(-1), 100);
        Assert.Contains(stored, c => c.Monitor is null && c.To == HealthState.Critical);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OnRealtime_HostRunsHotForAMinute_CriticalWithOneAlert_AndSamplesRepeatedByTheNextPassCountOnce()
    {
        var (service, _) = await StartedAsync();
        service.OnInventory(Inventory(host2: new ReportedHealth(HealthState.Healthy, null)));

        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);
        _clock.Advance(TimeSpan.FromMinutes(1));

        // Two hot samples, then the next pass repeats them (sources hand back the last ones again): still two.
        service.OnRealtime(Batch(Hot(0), Hot(20)));
        service.OnRealtime(Batch(Hot(0), Hot(20)));
        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);
        var engine = service.Engine!;
        Assert.Equal(HealthState.Healthy, engine.HealthOf(Host1).Health.State);
        Assert.Empty(engine.Alerts.List());

        // The third in a row (one minute at 20-second samples, as configured) turns it critical and raises the alert.
        service.OnRealtime(Batch(Hot(20), Hot(40)));
        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);

        Assert.Equal(HealthState.Critical, engine.HealthOf(Host1).Health.State);
        Assert.Equal(HealthState.Critical, engine.HealthOf(Cluster).Health.State);
        var alert = Assert.Single(engine.Alerts.List());
        Assert.Equal(("VirtHostCpuPressure", Host1), (alert.Name, alert.ObjectId));
        var rolled = Rolled(engine, Host1);
        Assert.Equal([HealthState.Healthy, HealthState.Critical], rolled.Select(c => c.To));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OnRealtime_OneBatchRepeatsASample_ItCountsOnce_TwoHotSamplesStayBelowTheMinute()
    {
        var (service, _) = await StartedAsync();
        service.OnInventory(Inventory(host2: new ReportedHealth(HealthState.Healthy, null)));
        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);
        _clock.Advance(TimeSpan.FromMinutes(1));

        // A source that lists a sample twice in one reply: two hot samples, not three, so no minute of pressure yet.
        service.OnRealtime(Batch(Hot(20), Hot(0), Hot(20)));
        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);

        var engine = service.Engine!;
        Assert.Equal(HealthState.Healthy, engine.HealthOf(Host1).Health.State);
        Assert.Empty(engine.Alerts.List());

        // The next sample is the third in a row.
        service.OnRealtime(Batch(Hot(40)));
        await service.QueuedWorkDoneAsync(CancellationToken.None).WaitAsync(s_wait);
        Assert.Equal(HealthState.Critical, engine.HealthOf(Host1).Health.State);
        await service.StopAsync(CancellationToken.None);
    }

    private static List<StateChange> Rolled(HealthEngine engine, string objectId) =>
        [.. engine.History(objectId, s_start.AddHours(-1)).Where(c => c.Monitor is null).OrderBy(c => c.At)];

    private static PerformanceSample Hot(int second) =>
        new(Host1, PerformanceMetric.CpuUsage, s_start.AddSeconds(second), 0.97);

    private static PerformanceBatch Batch(params PerformanceSample[] samples) =>
        new("vc01", s_start.AddMinutes(1), samples, 1);

    private static InventorySnapshot Inventory(ReportedHealth host2) =>
        Snapshot(
            "vc01",
            s_start,
            [
                Host("vc01", "host-1", "esx-1") with { ClusterId = Cluster },
                Host("vc01", "host-2", "esx-2") with { ClusterId = Cluster, Health = host2 },
            ],
            [Vm("vc01", "vm-1", "web-01", "host-1"), Vm("vc01", "vm-2", "web-02", "host-2")])
        with
        { Clusters = [new InventoryCluster(Cluster, "vc01", "Prod", null, new ReportedHealth(HealthState.Healthy, null))] };

    private async Task<(HealthService Service, MonitoringDatabase Database)> StartedAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var configuration = TestConfiguration.OneVCenter(
            ("Monitoring__Thresholds__HostCpuWarningPercent", "80"),
            ("Monitoring__Thresholds__HostCpuCriticalPercent", "90"),
            ("Monitoring__Thresholds__HostPressureMinutes", "1"));
        var service = await TestHealthService.StartedAsync(database, configuration, _clock);
        return (service, database);
    }
}
