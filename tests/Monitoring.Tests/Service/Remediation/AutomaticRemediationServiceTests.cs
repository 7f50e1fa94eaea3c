using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.HealthModel.Maintenance;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Service.HealthHosting;
using Monitoring.Service.Remediation;
using Monitoring.Service.Remediation.Automation;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;
using Monitoring.Storage.TipStores;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;
using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.Tests.Service.Remediation;

/// <summary>Automatic mode as the service runs it: its own loop on a fake clock, the real health service (for
/// maintenance), the real implementer with an executor the test drives, tips in a real SQLite file.</summary>
public sealed class AutomaticRemediationServiceTests : IDisposable
{
    private const string Cluster = "vc01/domain-c7";
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_pass = TimeSpan.FromSeconds(5); // IntervalSeconds, as configured below
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(s_start);
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        _owned.ForEach(o => o.Dispose());
        _directory.Dispose();
    }

    [Fact]
    public async Task Run_GroupAutomaticForCritical_ImplementsTheCriticalTipAsAutomatic_LeavesTheWarningTipToOperators()
    {
        var (database, tips) = await EstateAsync();
        var executor = new FakeExecutor(TipAction.Migrate);
        var critical = Raise(tips, "vm-1", "host-1", "host-2", TipSeverity.Critical);
        var warning = Raise(tips, "vm-2", "host-1", "host-2", TipSeverity.Warning);
        var (automatic, health) = await StartedAsync(database, tips, executor, maxPerHour: 10);

        await UntilAsync(() => executor.Started.Task.IsCompleted);
        executor.Finish.SetResult(TipActionOutcome.Success("moved"));
        await UntilAsync(() => tips.Find(critical.Id)!.Status == TipStatus.Resolved);

        var done = tips.Find(critical.Id)!;
        Assert.True(done.Automatic);
        Assert.Contains(done.History, h => h.Status == TipStatus.Initialized && h.By == AutomaticRemediationService.By);
        Assert.Equal(TipStatus.Active, tips.Find(warning.Id)!.Status);
        Assert.Equal(1, executor.Runs);
        await StopAsync(automatic, health);
    }

    [Fact]
    public async Task Run_DestinationInMaintenanceThenTheHourFull_WaitsNotingEachReasonOnce_ARestartKeepsTheHoursCount()
    {
        var (database, tips) = await EstateAsync();
        new EfMaintenanceWindowStore(database, _clock).Add(
            new MaintenanceWindow("w1", "vc01/host-2", s_start, s_start.AddMinutes(10), "patching", "operator"));
        var executor = new FakeExecutor(TipAction.Migrate);
        executor.Finish.SetResult(TipActionOutcome.Success("moved"));
        var first = Raise(tips, "vm-1", "host-1", "host-2", TipSeverity.Critical);
        var (automatic, health) = await StartedAsync(database, tips, executor, maxPerHour: 1);

        // The destination is in maintenance: the tip waits, and says why once however many passes go by.
        await UntilAsync(() => Notes(tips, first.Id).Count == 1);
        await PassesAsync(5);
        var note = Assert.Single(Notes(tips, first.Id));
        Assert.Contains("vc01/host-2 is in maintenance", note, StringComparison.Ordinal);
        Assert.Equal(0, executor.Runs);

        // The window ends: the tip goes at a following pass.
        _clock.Advance(TimeSpan.FromMinutes(10));
        await UntilAsync(() => tips.Find(first.Id)!.Status == TipStatus.Resolved);

        // The group has had its one automatic start this hour: the next tip waits, also after a restart.
        var second = Raise(tips, "vm-2", "host-1", "host-2", TipSeverity.Critical);
        await UntilAsync(() => Notes(tips, second.Id).Count == 1);
        Assert.Contains("MaxPerHour", Assert.Single(Notes(tips, second.Id)), StringComparison.Ordinal);
        await StopAsync(automatic, health);

        (automatic, health) = await StartedAsync(database, tips, executor, maxPerHour: 1);
        await PassesAsync(5);
        Assert.Equal(TipStatus.Active, tips.Find(second.Id)!.Status);
        Assert.Single(Notes(tips, second.Id));

        // An hour after the first start, the slot is free again.
        _clock.Advance(TimeSpan.FromHours(1));
        await UntilAsync(() => tips.Find(second.Id)!.Status == TipStatus.Resolved);
        Assert.Equal(2, executor.Runs);
        await StopAsync(automatic, health);
    }

    private static List<string> Notes(EfTipStore tips, string id) =>
        [.. tips.Find(id)!.History.Where(h => h.Status == TipStatus.Active && h.By == AutomaticRemediationService.By).Select(h => h.Note ?? string.Empty)];

    private Tip Raise(EfTipStore tips, string vm, string from, string to, TipSeverity severity)
    {
        var key = $"balance/{Cluster}/vc01/{vm}";
        var candidate = new TipCandidate(key, "balancer", $"vc01/{vm}", Cluster, TipAction.Migration($"vc01/{vm}", $"vc01/{from}", $"vc01/{to}"),
            $"Move {vm} to {to}", "d", "c", "e", severity == TipSeverity.Critical ? 1 : 3, severity);
        return Assert.Single(new TipLifecycle(tips, _clock).Reconcile(key, [candidate], "balancer"));
    }

    /// <summary>Two hosts of cluster Prod, two VMs on host-1, stored as an inventory pass would.</summary>
    private async Task<(MonitoringDatabase Database, EfTipStore Tips)> EstateAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var snapshot = Snapshot(
            "vc01",
            s_start,
            [
                Host("vc01", "host-1", "esx-1") with { ClusterId = Cluster },
                Host("vc01", "host-2", "esx-2") with { ClusterId = Cluster },
            ],
            [Vm("vc01", "vm-1", "web-01", "host-1"), Vm("vc01", "vm-2", "web-02", "host-1")])
            with { Clusters = [new InventoryCluster(Cluster, "vc01", "Prod", null, new ReportedHealth(HealthState.Healthy, null))] };
        await new InventoryStore(database, _clock).ApplyAsync(snapshot, s_start, CancellationToken.None);
        return (database, new EfTipStore(database));
    }

    private async Task<(AutomaticRemediationService Automatic, HealthService Health)> StartedAsync(
        MonitoringDatabase database, EfTipStore tips, FakeExecutor executor, int maxPerHour)
    {
        var configuration = TestConfiguration.OneVCenter(
            ("Monitoring__Balancer__HostGroups__0__Name", "Prod"),
            ("Monitoring__Balancer__HostGroups__0__Automatic", "Critical"),
            ("Monitoring__Remediation__Automatic__IntervalSeconds", "5"),
            ("Monitoring__Remediation__Automatic__MaxPerHour", maxPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var health = await TestHealthService.StartedAsync(database, configuration, _clock);
        var lifecycle = new TipLifecycle(tips, _clock);
        var implementer = new TipImplementer(lifecycle, tips, [executor], _clock, NullLogger<TipImplementer>.Instance);
        _owned.Add(implementer);
        var automatic = new AutomaticRemediationService(
            configuration,
            tips,
            lifecycle,
            implementer,
            health,
            new HostGroupDirectory(new InventoryReader(database), _clock),
            _clock,
            NullLogger<AutomaticRemediationService>.Instance);
        await automatic.StartAsync(CancellationToken.None);
        return (automatic, health);
    }

    private static async Task StopAsync(AutomaticRemediationService automatic, HealthService health)
    {
        await automatic.StopAsync(CancellationToken.None).WaitAsync(s_wait);
        await health.StopAsync(CancellationToken.None).WaitAsync(s_wait);
    }

    /// <summary>Moves the fake clock a pass (5 s) at a time until <paramref name="done"/> holds.</summary>
    private Task UntilAsync(Func<bool> done) => FakeClockLoop.UntilAsync(_clock, s_pass, done, maxSteps: 600);

    /// <summary>Lets the service's loop run <paramref name="count"/> more passes.</summary>
    private Task PassesAsync(int count) => FakeClockLoop.StepsAsync(_clock, s_pass, count);
}
