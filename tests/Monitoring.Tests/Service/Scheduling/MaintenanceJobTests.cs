using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Remediation.Tips;
using Monitoring.Service;
using Monitoring.Service.Configuration;
using Monitoring.Service.Hosting;
using Monitoring.Service.Scheduling;
using Monitoring.Storage;
using Monitoring.Storage.TipStores;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Scheduling;

/// <summary>The maintenance job as <c>run</c> builds it (the service's own wiring), against a real SQLite file.</summary>
public sealed class MaintenanceJobTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Execute_AsTheServiceWiresIt_PrunesAFinalTipPastRetentionAndKeepsARecentOne()
    {
        var configuration = ConfigurationLoader.Load(_directory.Write("monitoring.json", new JsonObject
        {
            ["Monitoring"] = new JsonObject
            {
                ["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = "Data Source=monitoring.db" },
                ["Retention"] = new JsonObject { ["FinalTipDays"] = 30 },
                ["Targets"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "vc01", ["Kind"] = "vSphere", ["Address"] = "https://vc01.example.net/sdk", ["Username"] = "svc",
                    ["Password"] = "not-a-real-secret",
                }),
            },
        }.ToJsonString()), new Dictionary<string, string?>());
        await using var provider = new ServiceCollection()
            .AddMonitoring(configuration, new LogSettings(LogLevel.Warning, Json: false))
            .AddMonitoringService(configuration)
            .BuildServiceProvider();
        var database = provider.GetRequiredService<MonitoringDatabase>();
        await database.MigrateAsync(CancellationToken.None);

        // Dismissed 40 days ago and 10 days ago, by the clock the tips were written with.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-40));
        var lifecycle = new TipLifecycle(new EfTipStore(database), clock);
        var old = TestTips.Dismissed(lifecycle, "vc01/vm-1");
        clock.Advance(TimeSpan.FromDays(30));
        var recent = TestTips.Dismissed(lifecycle, "vc01/vm-2");

        // Quartz builds a job the same way: from the service's container.
        var job = ActivatorUtilities.CreateInstance<MaintenanceJob>(provider);
        await job.Execute(null!, CancellationToken.None);

        var store = new EfTipStore(database);
        Assert.Null(store.Find(old.Id));
        Assert.NotNull(store.Find(recent.Id));
    }
}
