using Monitoring.Core.Model;
using Monitoring.Service.Cli;
using Monitoring.Service.Collection;
using Monitoring.Storage;
using Xunit;

namespace Monitoring.Tests.Service.Cli;

/// <summary>The per-target line <c>collect --once</c> prints: an optional item a target lacks is shown
/// there (the pass still ok), and a target with nothing missing gets no note.</summary>
public sealed class CollectLineTests
{
    private static readonly InventorySnapshot s_snapshot = new("win1", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), [], [], [], [], []);

    [Fact]
    public void Describe_TargetWithGaps_NamesThemAfterTheOkLine()
    {
        var snapshot = s_snapshot with { Gaps = ["Msvm_MemorySettingData", "Win32_LogicalDisk"] };

        var line = CollectVerb.Describe(new TargetResult("win1", TimeSpan.FromSeconds(1.5), snapshot, new InventoryChanges(1, 0, 0), null, null));

        Assert.StartsWith("win1: ok: ", line, StringComparison.Ordinal);
        Assert.EndsWith(" in 1.5 s (gaps: Msvm_MemorySettingData, Win32_LogicalDisk)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TargetWithoutGaps_HasNoGapsNote()
    {
        var line = CollectVerb.Describe(new TargetResult("win1", TimeSpan.FromSeconds(2), s_snapshot, new InventoryChanges(0, 0, 0), null, null));

        Assert.EndsWith(" in 2.0 s", line, StringComparison.Ordinal);
        Assert.DoesNotContain("gaps", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TargetWithVirtualDisks_CountsThemAfterTheDatastores()
    {
        var snapshot = s_snapshot with { VirtualDisks = [new("win1/d1", "win1", "win1/vm1", @"V:\a.vhdx", null, "vhdx", null), new("win1/d2", "win1", "win1/vm1", @"V:\b.vhdx", null, "vhdx", null)] };

        var line = CollectVerb.Describe(new TargetResult("win1", TimeSpan.FromSeconds(1), snapshot, new InventoryChanges(2, 0, 0), null, null));

        Assert.Contains(" 0 datastores, 2 virtual disks (2 new, ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("virtual disks", CollectVerb.Describe(new TargetResult("win1", TimeSpan.FromSeconds(1), s_snapshot, new InventoryChanges(0, 0, 0), null, null)), StringComparison.Ordinal);
    }
}
