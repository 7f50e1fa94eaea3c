using Monitoring.Remediation.Configuration;
using Monitoring.Service.Configuration;
using Xunit;

namespace Monitoring.Tests.Remediation;

public sealed class BalancerConfigurationTests
{
    [Fact]
    public void NoBalancerSection_GivesTheDocumentedDefaults()
    {
        var loaded = ConfigurationLoader.Load(null, new Dictionary<string, string?>());

        var balancer = loaded.Balancer;
        Assert.True(balancer.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(5), balancer.Interval);
        Assert.True(balancer.FirstPassWithin <= TimeSpan.FromMinutes(5));
        Assert.Equal(3, balancer.Defaults.Settings.MigrationThreshold);
        Assert.Equal(AutomaticMode.Off, balancer.Defaults.Automatic);
        Assert.Empty(balancer.AntiAffinityGroups);
    }

    [Fact]
    public void HostGroups_SetThresholdAndAutomationPerCluster_ByIdOrName()
    {
        var loaded = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["Monitoring__Balancer__MigrationThreshold"] = "2",
            ["Monitoring__Balancer__HostGroups__0__Name"] = "vc01/domain-c7",
            ["Monitoring__Balancer__HostGroups__0__MigrationThreshold"] = "5",
            ["Monitoring__Balancer__HostGroups__0__Automatic"] = "Critical",
            ["Monitoring__Balancer__HostGroups__1__Name"] = "Prod",
            ["Monitoring__Balancer__HostGroups__1__Automatic"] = "warningandcritical",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Name"] = "sql",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Vms__0"] = "vc01/vm-1",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Vms__1"] = "vc01/vm-2",
        });

        var balancer = loaded.Balancer;
        Assert.Equal((5, AutomaticMode.Critical), (balancer.For("vc01/domain-c7", "DC0_C0").Settings.MigrationThreshold, balancer.For("vc01/domain-c7", "DC0_C0").Automatic));
        Assert.Equal((2, AutomaticMode.WarningAndCritical), (balancer.For("vc01/domain-c9", "Prod").Settings.MigrationThreshold, balancer.For("vc01/domain-c9", "Prod").Automatic));
        Assert.Equal((2, AutomaticMode.Off), (balancer.For("vc01/domain-c8", "Test").Settings.MigrationThreshold, balancer.For("vc01/domain-c8", "Test").Automatic));
        Assert.Equal(["vc01/vm-1", "vc01/vm-2"], Assert.Single(balancer.AntiAffinityGroups).VmIds);
    }

    [Fact]
    public void BadValues_StopStartUp_WithMessagesNamingTheKeyAndWhatIsAllowed()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["Monitoring__Balancer__MigrationThreshold"] = "0",
            ["Monitoring__Balancer__IntervalSeconds"] = "5",
            ["Monitoring__Balancer__HostGroups__0__Name"] = "Prod",
            ["Monitoring__Balancer__HostGroups__0__MigrationThreshold"] = "6",
            ["Monitoring__Balancer__HostGroups__0__Automatic"] = "Always",
            ["Monitoring__Balancer__HostGroups__1__MigrationThreshold"] = "3",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Name"] = "lonely",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Vms__0"] = "vc01/vm-1",
            ["Monitoring__Balancer__Agressiveness"] = "3",
        }));

        // The unknown key is reported first, alone: the shape check runs before the values are read.
        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Balancer:Agressiveness: unknown key", StringComparison.Ordinal));

        var values = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["Monitoring__Balancer__MigrationThreshold"] = "0",
            ["Monitoring__Balancer__IntervalSeconds"] = "5",
            ["Monitoring__Balancer__HostGroups__0__Name"] = "Prod",
            ["Monitoring__Balancer__HostGroups__0__MigrationThreshold"] = "6",
            ["Monitoring__Balancer__HostGroups__0__Automatic"] = "Always",
            ["Monitoring__Balancer__HostGroups__1__MigrationThreshold"] = "3",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Name"] = "lonely",
            ["Monitoring__Balancer__AntiAffinityGroups__0__Vms__0"] = "vc01/vm-1",
        })).Problems;
        Assert.Contains(values, p => p.StartsWith("Monitoring:Balancer:MigrationThreshold: 0 is not allowed; use 1", StringComparison.Ordinal));
        Assert.Contains(values, p => p.StartsWith("Monitoring:Balancer:IntervalSeconds: 5 is out of range; allowed 60 to 86400", StringComparison.Ordinal));
        Assert.Contains(values, p => p.StartsWith("Monitoring:Balancer:HostGroups:0:MigrationThreshold: 6 is not allowed", StringComparison.Ordinal));
        Assert.Contains(values, p => p.StartsWith("Monitoring:Balancer:HostGroups:0:Automatic: \"Always\" is not allowed; use Off, Critical or WarningAndCritical", StringComparison.Ordinal));
        Assert.Contains(values, p => p.StartsWith("Monitoring:Balancer:HostGroups:1:Name: required", StringComparison.Ordinal));
        Assert.Contains(values, p => p.StartsWith("Monitoring:Balancer:AntiAffinityGroups:0:Vms: list at least two", StringComparison.Ordinal));
    }
}
