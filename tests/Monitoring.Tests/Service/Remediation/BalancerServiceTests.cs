using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.Remediation;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Storage.TipStores;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;
using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.Tests.Service.Remediation;

public sealed class BalancerServiceTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(s_now);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_FirstPassWithinTheConfiguredDelay_RaisesTheMigrationTip_AndAFailedPassDoesNotStopTheNext()
    {
        var (database, store) = await PiledClusterAsync();
        var failNext = true;
        var balancer = Service(database, store, new() { ["Monitoring__Balancer__FirstPassWithinSeconds"] = "30", ["Monitoring__Balancer__IntervalSeconds"] = "60" },
            _ => failNext ? throw new InvalidOperationException("database busy") : Task.FromResult<Func<string, bool>>(_ => false));
        await balancer.StartAsync(CancellationToken.None);
        try
        {
            // ExecuteAsync runs on a background thread: advance the clock only once its timer exists.
            await WaitForAsync(() => balancer.NextPassDue == s_now.AddSeconds(30));
            _clock.Advance(TimeSpan.FromSeconds(29));
            await Task.Delay(200);
            Assert.Equal(0, balancer.Passes);

            // The first pass fails (its maintenance lookup throws): logged, no tip, the service goes on.
            _clock.Advance(TimeSpan.FromSeconds(1));
            await WaitForAsync(() => balancer.Passes == 1 && balancer.NextPassDue == s_now.AddSeconds(90));
            Assert.Empty(store.List(null, null));

            failNext = false;
            _clock.Advance(TimeSpan.FromSeconds(60));
            await WaitForAsync(() => balancer.Passes == 2 && balancer.NextPassDue == s_now.AddSeconds(150));
            var tip = Assert.Single(store.List(TipStatus.Active, null));
            Assert.Equal((TipAction.Migrate, "vc01/host-1", "vc01/host-2"), (tip.Action.Kind, tip.Action.Parameters["from"], tip.Action.Parameters["to"]));
            Assert.Equal("balancer", tip.History[0].By);

            // The load evens out (the VM moved by hand): the next pass closes the tip by itself.
            await new InventoryStore(database, _clock).ApplyAsync(Inventory(vm2Host: "host-2"), _clock.GetUtcNow(), CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(60));
            await WaitForAsync(() => balancer.Passes == 3);
            Assert.Equal(TipStatus.Closed, store.Find(tip.Id)!.Status);
        }
        finally
        {
            await balancer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Run_HostInAMaintenanceWindow_IsNoDestination()
    {
        var (database, store) = await PiledClusterAsync();
        var balancer = Service(database, store, new() { ["Monitoring__Balancer__FirstPassWithinSeconds"] = "0" },
            _ => Task.FromResult<Func<string, bool>>(id => id == "vc01/host-2"));

        await balancer.RunPassAsync(CancellationToken.None);

        Assert.Empty(store.List(null, null));
    }

    [Fact]
    public async Task Run_Disabled_MakesNoPass()
    {
        var (database, store) = await PiledClusterAsync();
        var balancer = Service(database, store, new() { ["Monitoring__Balancer__Enabled"] = "false", ["Monitoring__Balancer__FirstPassWithinSeconds"] = "0" },
            _ => Task.FromResult<Func<string, bool>>(_ => false));
        await balancer.StartAsync(CancellationToken.None);

        // Disabled: the job ends at once instead of waiting for its first pass.
        await balancer.ExecuteTask!.WaitAsync(s_wait);
        Assert.True(balancer.ExecuteTask.IsCompletedSuccessfully);
        Assert.Null(balancer.NextPassDue);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await balancer.StopAsync(CancellationToken.None);

        Assert.Equal(0, balancer.Passes);
        Assert.Empty(store.List(null, null));
    }

    private BalancerService Service(MonitoringDatabase database, EfTipStore store, Dictionary<string, string?> settings, Monitoring.Service.Exports.MaintenanceLookup maintenance)
    {
        settings["Monitoring__Balancer__MigrationThreshold"] = "5";
        var configuration = ConfigurationLoader.Load(null, settings);
        var lifecycle = new TipLifecycle(store, _clock);
        var planner = new BalancerPlanner(new BalancerInputReader(database), configuration, store, maintenance, _clock);
        return new BalancerService(planner, lifecycle, configuration, _clock, NullLogger<BalancerService>.Instance);
    }

    /// <summary>Two equal hosts of one cluster; two busy VMs, both on host-1.</summary>
    private async Task<(MonitoringDatabase Database, EfTipStore Store)> PiledClusterAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        await new InventoryStore(database, _clock).ApplyAsync(Inventory(vm2Host: "host-1"), s_now, CancellationToken.None);
        var rows = new List<MinuteSampleRecord>();
        for (var m = -10; m < 10; m++)
        {
            foreach (var vm in new[] { "vc01/vm-1", "vc01/vm-2" })
            {
                rows.Add(Sample(vm, PerformanceMetric.CpuUsage, m, 0.8));
                rows.Add(Sample(vm, PerformanceMetric.MemoryUsage, m, 0.5));
            }
        }

        await new SampleWriter(database).WriteAsync(rows, CancellationToken.None);
        return (database, new EfTipStore(database));
    }

    private static InventorySnapshot Inventory(string vm2Host) =>
        Snapshot(
            "vc01",
            s_now,
            [
                Host("vc01", "host-1", "esx-1", cpus: 16, memory: 64L << 30) with { ClusterId = "vc01/domain-c7" },
                Host("vc01", "host-2", "esx-2", cpus: 16, memory: 64L << 30) with { ClusterId = "vc01/domain-c7" },
            ],
            [
                Vm("vc01", "vm-1", "web-01", "host-1") with { CpuCount = 8, MemoryBytes = 8L << 30 },
                Vm("vc01", "vm-2", "web-02", vm2Host) with { CpuCount = 8, MemoryBytes = 8L << 30 },
            ]) with { Clusters = [new InventoryCluster("vc01/domain-c7", "vc01", "Prod", null, new ReportedHealth(HealthState.Healthy, null))] };

    private static MinuteSampleRecord Sample(string id, string metric, int minutesFromNow, double value) => new()
    {
        ObjectId = id,
        Metric = metric,
        Timestamp = s_now.AddMinutes(minutesFromNow).ToUnixTimeSeconds(),
        Average = value,
        Minimum = value,
        Maximum = value,
        Count = 1,
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
