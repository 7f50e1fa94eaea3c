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

/// <summary>A real health engine over one target (vc01) with in-memory stores, its clock starting now, and a service
/// provider that holds the alert store the way the service's container will.</summary>
internal sealed class ExportEstate : IDisposable
{
    public const string Target = "vc01";

    public ExportEstate()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Alerts = new InMemoryAlertStore(Clock);
        var topology = new HealthTopologyBuilder()
            .AddObject(new HealthObject(HealthTopologyBuilder.TargetNodeId(Target), HealthObjectKind.Target, HealthTopology.EstateId))
            .Build();
        Engine = new HealthEngine(new HealthSettings(), topology, new InMemoryStateChangeStore(), Alerts, new InMemoryMaintenanceWindowStore(), new ResolutionStateCatalog(), Clock);
        Services = new ServiceCollection()
            .AddSingleton<IAlertStore>(Alerts)
            .AddSingleton<IAlertChangeLog>(Alerts)
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
