using Monitoring.Core.Model;
using Monitoring.Service.Output;
using Monitoring.Sources.VSphere.Inventory;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Inventory;

public sealed class HealthMapperTests
{
    [Theory]
    [InlineData("green", HealthState.Healthy, "healthy")]
    [InlineData("yellow", HealthState.Warning, "warning")]
    [InlineData("red", HealthState.Critical, "critical")]
    [InlineData("gray", HealthState.Unknown, "unknown")]
    [InlineData(null, HealthState.Unknown, "unknown")]
    public void FromOverallStatus_VSphereStatus_MapsToTheContractsHealthWord(string? status, HealthState expected, string json)
    {
        var health = HealthMapper.FromOverallStatus(status);

        Assert.Equal(expected, health.State);
        Assert.Equal(json, ContractNames.Of(health.State));
    }

    [Theory]
    [InlineData("yellow")]
    [InlineData("red")]
    [InlineData("gray")]
    public void FromOverallStatus_NotGreen_KeepsTheSourcesWordAsTheReason(string status)
    {
        var health = HealthMapper.FromOverallStatus(status);

        Assert.Contains(status, health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOverallStatus_Green_HasNoReason()
    {
        Assert.Null(HealthMapper.FromOverallStatus("green").Reason);
    }

    [Theory]
    [InlineData("green")]
    [InlineData("yellow")]
    public void ForHost_NotResponding_IsCriticalWhateverTheStaleStatus(string staleStatus)
    {
        var health = HealthMapper.ForHost(staleStatus, "notResponding");

        Assert.Equal(HealthState.Critical, health.State);
        Assert.Contains("not responding", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForHost_Disconnected_IsUnknownEvenWhenLastSeenGreen()
    {
        var health = HealthMapper.ForHost("green", "disconnected");

        Assert.Equal(HealthState.Unknown, health.State);
        Assert.Contains("disconnected", health.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("green", HealthState.Healthy)]
    [InlineData("red", HealthState.Critical)]
    public void ForHost_Connected_FollowsOverallStatus(string status, HealthState expected)
    {
        Assert.Equal(expected, HealthMapper.ForHost(status, "connected").State);
    }

    [Theory]
    [InlineData("poweredOn", PowerState.PoweredOn, "poweredOn")]
    [InlineData("poweredOff", PowerState.PoweredOff, "poweredOff")]
    [InlineData("suspended", PowerState.Suspended, "suspended")]
    [InlineData("PoweredOn", PowerState.Unknown, "unknown")]
    [InlineData("", PowerState.Unknown, "unknown")]
    [InlineData(null, PowerState.Unknown, "unknown")]
    public void PowerStateOf_VSpherePowerState_MapsToTheContractsPowerStateWord(string? value, PowerState expected, string json)
    {
        var state = HealthMapper.PowerStateOf(value);

        Assert.Equal(expected, state);
        Assert.Equal(json, ContractNames.Of(state));
    }
}
