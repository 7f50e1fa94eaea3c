using Monitoring.Core.Configuration;
using Monitoring.HealthModel.Rollup;
using Monitoring.Service.HealthHosting;
using Xunit;

namespace Monitoring.Tests.Service.HealthWiring;

public sealed class HealthConfigurationReaderTests
{
    private static (HealthConfiguration Configuration, List<string> Problems) Read(HealthOptions options)
    {
        var problems = new List<string>();
        return (HealthConfigurationReader.From(options, Thresholds.Default, TimeSpan.FromSeconds(20), problems), problems);
    }

    [Fact]
    public void From_Defaults_MonitorsTakeTheThresholdsSection()
    {
        var (configuration, problems) = Read(new HealthOptions());

        Assert.Empty(problems);
        var cpu = configuration.Settings.Monitors.Single(m => m.Name == "host.cpu").Thresholds!;
        Assert.Equal((Thresholds.Default.HostCpuWarning, Thresholds.Default.HostCpuCritical), (cpu.Warning, cpu.Critical));
        Assert.Equal(45, cpu.ConsecutiveSamples); // 15 minutes of 20-second samples, as the Prometheus rule's "for"
    }

    [Fact]
    public void From_UnknownMonitorAndHostGroup_NameTheKeyAndWhatIsAllowed()
    {
        var options = new HealthOptions();
        options.HostGroups.Add(new HostGroupOptions { Name = "prod" });
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "host.disk", HostGroup = "prod" });
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "host.cpu", HostGroup = "test", WarningPercent = 70 });

        var (_, problems) = Read(options);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Monitoring:Health:Overrides:0:Monitor: \"host.disk\" is not a known monitor; known: ", problems[0], StringComparison.Ordinal);
        Assert.Equal("Monitoring:Health:Overrides:1:HostGroup: \"test\" is not a defined host group; defined: prod", problems[1]);
    }

    [Fact]
    public void From_ImpossibleThresholds_Refused()
    {
        var options = new HealthOptions();
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "host.cpu", Object = "vc01/host-1", WarningPercent = 97 });
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "host.memory", Object = "vc01/host-1", CriticalPercent = 150 });
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "vm.cpu", Object = "vc01/vm-1", HysteresisPercent = -5 });
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "target.availability", Object = "target:vc01", WarningPercent = 50 });

        var (_, problems) = Read(options);

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("Monitoring:Health:Overrides:0: warning 0.97 must be below critical 0.95", problems[0], StringComparison.Ordinal);
        Assert.Equal("Monitoring:Health:Overrides:1:CriticalPercent: 150 is out of range; allowed 0 to 100 (a percentage)", problems[1]);
        Assert.Equal("Monitoring:Health:Overrides:2:HysteresisPercent: -5 is out of range; allowed 0 to 100 (a percentage)", problems[2]);
        Assert.StartsWith("Monitoring:Health:Overrides:3: monitor \"target.availability\" has no thresholds", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void From_OverrideOnAnObjectNotInInventory_AcceptedHereAndLeftOutOfTheTreeUntilItAppears()
    {
        var options = new HealthOptions();
        options.Overrides.Add(new MonitorOverrideOptions { Monitor = "host.cpu", Object = "vc01/host-404", WarningPercent = 70 });
        var (configuration, problems) = Read(options);

        var factory = new HealthTopologyFactory(configuration, ["vc01"]);
        var (topology, settings) = factory.Build([]);

        Assert.Empty(problems);
        Assert.Empty(settings.Overrides);
        Assert.True(topology.Contains("target:vc01"));
        Assert.Contains("vc01/host-404", Assert.Single(factory.Unplaced), StringComparison.Ordinal);
    }

    [Fact]
    public void From_WindowEndingBeforeItStartsAndBadResolutionState_Refused()
    {
        var options = new HealthOptions();
        options.MaintenanceWindows.Add(new MaintenanceWindowOptions { Object = "vc01/host-1", Start = "2026-12-01T22:00:00Z", End = "2026-12-01T21:00:00Z" });
        options.ResolutionStates.Add(new ResolutionStateOptions { Value = 250, Name = "Parked" });

        var (_, problems) = Read(options);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Monitoring:Health:MaintenanceWindows:0:End: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Monitoring:Health:ResolutionStates:0: Custom resolution state 250 is not allowed: use 2-248", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void From_HostGroupRollupRules_EachGroupRollsUpByItsOwn()
    {
        var options = new HealthOptions();
        options.HostGroups.Add(new HostGroupOptions { Name = "prod", Rollup = "Percentage", HealthyPercent = 75 });
        options.HostGroups.Add(new HostGroupOptions { Name = "lab", Rollup = "bestof" });
        options.HostGroups.Add(new HostGroupOptions { Name = "dmz" });

        var (configuration, problems) = Read(options);

        Assert.Empty(problems);
        var rules = configuration.Settings.Rollup;
        Assert.Equal(RollupPolicy.Percentage(75), rules.ForObject("group:prod"));
        Assert.Equal(RollupPolicy.BestOf, rules.ForObject("group:lab"));
        Assert.Equal(RollupPolicy.WorstOf, rules.ForObject("group:dmz"));
    }

    [Fact]
    public void From_BadRollupRules_NameTheKeyAndWhatIsAllowed()
    {
        var options = new HealthOptions();
        options.HostGroups.Add(new HostGroupOptions { Name = "a", Rollup = "Average" });
        options.HostGroups.Add(new HostGroupOptions { Name = "b", Rollup = "Percentage" });
        options.HostGroups.Add(new HostGroupOptions { Name = "c", Rollup = "Percentage", HealthyPercent = 0 });
        options.HostGroups.Add(new HostGroupOptions { Name = "d", Rollup = "BestOf", HealthyPercent = 80 });

        var (_, problems) = Read(options);

        Assert.Equal(
        [
            "Monitoring:Health:HostGroups:0:Rollup: \"Average\" is not a rollup rule; allowed: WorstOf (the default), BestOf or Percentage (with HealthyPercent 1 to 100)",
            "Monitoring:Health:HostGroups:1:HealthyPercent: required with Rollup Percentage; the share of members (1 to 100) that must be healthy for the group to be",
            "Monitoring:Health:HostGroups:2:HealthyPercent: 0 is out of range; allowed 1 to 100 (a percentage)",
            "Monitoring:Health:HostGroups:3:HealthyPercent: only with Rollup Percentage (Rollup is BestOf)",
        ],
        problems);
    }
}
