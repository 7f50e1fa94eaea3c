using Monitoring.HealthModel.Model;
using Xunit;

namespace Monitoring.Tests.Service.Metrics;

public sealed class MaintenanceMetricsTests
{
    private static readonly HealthObject s_group = new("group:prod", HealthObjectKind.HostGroup, HealthTopology.EstateId);
    private static readonly HealthObject s_host = new("vc1/host-1", HealthObjectKind.Host, "group:prod");
    private static readonly HealthObject s_vm = new("vc1/vm-10", HealthObjectKind.Vm, "vc1/host-1");

    [Fact]
    public async Task Publish_ObjectsInMaintenance_OneSeriesEachValueOneWithTargetIdAndKind()
    {
        var (exporter, _) = SampleEstate.Published();

        exporter.Maintenance.Publish([s_group, s_host, s_vm]);
        var series = ExpositionText.Series(await ExpositionText.WriteAsync(exporter), "virt_object_in_maintenance").Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "virt_object_in_maintenance{target=\"\",id=\"group:prod\",kind=\"hostGroup\"} 1",
                "virt_object_in_maintenance{target=\"vc1\",id=\"vc1/host-1\",kind=\"host\"} 1",
                "virt_object_in_maintenance{target=\"vc1\",id=\"vc1/vm-10\",kind=\"vm\"} 1",
            ],
            series);
    }

    [Fact]
    public async Task Publish_WindowEndedForSome_TheirSeriesAreRemovedNotZero()
    {
        var (exporter, _) = SampleEstate.Published();
        exporter.Maintenance.Publish([s_group, s_host, s_vm]);

        exporter.Maintenance.Publish([s_vm]);
        var after = ExpositionText.Series(await ExpositionText.WriteAsync(exporter), "virt_object_in_maintenance");
        exporter.Maintenance.Publish([]);
        var none = ExpositionText.Series(await ExpositionText.WriteAsync(exporter), "virt_object_in_maintenance");

        Assert.Equal(["virt_object_in_maintenance{target=\"vc1\",id=\"vc1/vm-10\",kind=\"vm\"} 1"], after);
        Assert.Empty(none);
    }
}
