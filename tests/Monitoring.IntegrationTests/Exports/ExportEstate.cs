using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Collection;
using Monitoring.HealthModel;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Exports;
using Monitoring.Service.Metrics;

namespace Monitoring.IntegrationTests.Exports;

/// <summary>A real health engine over one target (vc01), watched by the standard availability monitor, with in-memory stores, its clock starting ten minutes ago, and a service
/// provider that holds the alert store and the maintenance lookup the way the service's container does.</summary>
internal sealed class ExportEstate : IDisposable
{
    public const string Target = "vc01";

    public ExportEstate()
    {
        // Started in the past: the engine's clock runs ahead by minutes in a test (polls 20 s apart), and an alert
        // resolved "in the future" would stay active in Alertmanager until then.
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        Alerts = new InMemoryAlertStore(Clock);
        var topology = new HealthTopologyBuilder()
            .AddObject(new HealthObject(HealthTopologyBuilder.TargetNodeId(Target), HealthObjectKind.Target, HealthTopology.EstateId))
            .Build();
        // The availability monitor alone: the target's data heartbeat would raise a second alert of its own
        // (VirtTargetDataStale) on the same clock, which these tests do not look at.
        var settings = new HealthSettings { Monitors = [StandardMonitors.TargetAvailability] };
        Engine = new HealthEngine(settings, topology, new InMemoryStateChangeStore(), Alerts, new InMemoryMaintenanceWindowStore(), new ResolutionStateCatalog(), Clock);
        Services = new ServiceCollection()
            .AddSingleton<IAlertStore>(Alerts)
            .AddSingleton<IAlertChangeLog>(Alerts)
            .AddSingleton<MaintenanceLookup>(_ => Task.FromResult<Func<string, bool>>(id => Engine.Maintenance.StatusOf(id).InMaintenance))
            .BuildServiceProvider();
        Families = new MetricFamilies(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        Metrics = new ExportMetrics(Families);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryAlertStore Alerts { get; }

    public HealthEngine Engine { get; }

    public ServiceProvider Services { get; }

    public MetricFamilies Families { get; }

    public ExportMetrics Metrics { get; }

    /// <summary>The target stops answering for longer than the availability monitor allows: its alert is raised.</summary>
    public Alert FailTarget()
    {
        for (var i = 0; i < 4; i++)
        {
            Engine.RecordPollFailed(Target, FailureKind.Unreachable, "connection refused");
            Clock.Advance(TimeSpan.FromSeconds(20));
        }

        Engine.Tick();
        return Alerts.List(includeClosed: false).Single();
    }

    /// <summary>The target answers again: the availability alert closes itself.</summary>
    public void RecoverTarget()
    {
        Clock.Advance(TimeSpan.FromSeconds(20));
        Engine.RecordPollSucceeded(Target);
    }

    public double Value(string metric, params string[] labels) =>
        Families.All.Single(f => f.Name == metric).Series().Where(s => s.Labels.SequenceEqual(labels)).Select(s => s.Value).FirstOrDefault();

    public void Dispose() => Services.Dispose();
}
