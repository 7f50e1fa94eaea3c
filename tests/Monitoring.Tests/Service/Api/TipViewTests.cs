using System.Text.Json;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Api.Tips;
using Xunit;

namespace Monitoring.Tests.Service.Api;

/// <summary>A tip as the API shows it: the objects it mentions come with their names, so a reader need not look ids up.</summary>
public sealed class TipViewTests
{
    private static readonly Dictionary<string, string> s_known = new(StringComparer.Ordinal)
    {
        ["vc01/vm-12"] = "web-01",
        ["vc01/host-3"] = "esx-03",
        ["vc01/host-4"] = "vc01/host-4", // an object the inventory names as its id
    };

    [Fact]
    public void From_MigrationTip_NamesTheVmAndBothHosts_LeavesOutWhatIsNoObjectAndWhatIsNamedAsItsId()
    {
        var view = TipView.From(Migration(), id => s_known.GetValueOrDefault(id));

        Assert.Equal(
            new Dictionary<string, string> { ["vc01/vm-12"] = "web-01", ["vc01/host-3"] = "esx-03" },
            view.Names);
        Assert.Equal("vc01/vm-12", view.Target); // the contract's fields keep their ids
        Assert.Equal("vc01/host-3", view.Action["from"]);
    }

    [Fact]
    public void From_WithoutNames_TheJsonStillHasAnEmptyNamesObject()
    {
        var json = JsonSerializer.SerializeToElement(TipView.From(Migration()));

        Assert.Equal(JsonValueKind.Object, json.GetProperty("names").ValueKind);
        Assert.Empty(json.GetProperty("names").EnumerateObject());
        Assert.Equal("migrate", json.GetProperty("action").GetProperty("kind").GetString());
    }

    private static Tip Migration() => new()
    {
        Id = "tip-1",
        ConditionKey = "balance/vc01/domain-c7/vc01/vm-12",
        Target = "vc01/vm-12",
        Action = new TipAction(TipAction.Migrate, new Dictionary<string, string>
        {
            ["vm"] = "vc01/vm-12",
            ["from"] = "vc01/host-3",
            ["to"] = "vc01/host-4",
            ["reason"] = "cpu imbalance",
        }),
        Summary = "Move web-01 to esx-04",
        Details = "d",
        Cause = "c",
        ExpectedEffect = "e",
    };
}
