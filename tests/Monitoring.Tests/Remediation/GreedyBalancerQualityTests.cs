using Monitoring.Remediation.Balancing;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.Tests.Remediation;

/// <summary>The balancer against the best plan an exhaustive search finds, over 100 seeded random
/// clusters of up to 6 hosts and 12 VMs, filters off.</summary>
public sealed class GreedyBalancerQualityTests
{
    private const int Clusters = 100;
    private readonly ITestOutputHelper _output;

    public GreedyBalancerQualityTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Greedy_WithFiltersOff_IsCloseToTheExhaustiveBest(int moves, bool withConstraintCases)
    {
        var ratios = new List<double>();
        var plainGreedyRatios = new List<double>();
        var narrowBeamRatios = new List<double>();
        for (var seed = 1; seed <= Clusters; seed++)
        {
            var cluster = RandomClusters.Create(seed, withConstraintCases);
            var plan = GreedyBalancer.Plan(cluster, BalancerSettings.Unfiltered(moves));
            Assert.True(plan.Moves.Count <= moves);
            var placement = ReferencePlacement.Apply(cluster, plan);
            var greedy = ReferencePlacement.Imbalance(cluster, placement);
            Assert.Equal(greedy, plan.ImbalanceAfter, 9);
            var best = ReferencePlacement.ExhaustiveBest(cluster, moves);
            Assert.True(greedy >= best - 1e-9, $"seed {seed}: greedy {greedy} beat the exhaustive search {best}");
            ratios.Add((greedy + 0.01) / (best + 0.01));
            var plain = GreedyBalancer.Plan(cluster, BalancerSettings.Unfiltered(moves) with { BeamWidth = 1, SearchBudget = 0 });
            plainGreedyRatios.Add((plain.ImbalanceAfter + 0.01) / (best + 0.01));
            // The beam a large cluster gets (the default least width, no budget widening).
            var narrow = GreedyBalancer.Plan(cluster, BalancerSettings.Unfiltered(moves) with { SearchBudget = 0 });
            narrowBeamRatios.Add((narrow.ImbalanceAfter + 0.01) / (best + 0.01));
        }

        _output.WriteLine($"K={moves} constraints={withConstraintCases}: mean ratio {ratios.Average():F4}, worst {ratios.Max():F4}; "
            + $"plain greedy (beam 1, for comparison): mean {plainGreedyRatios.Average():F4}, worst {plainGreedyRatios.Max():F4}; "
            + $"beam {BalancerSettings.DefaultBeamWidth} without budget: mean {narrowBeamRatios.Average():F4}, worst {narrowBeamRatios.Max():F4}");
        Assert.True(ratios.Average() <= 1.1, $"mean ratio {ratios.Average():F4} > 1.1");
        Assert.True(ratios.Max() <= 1.5, $"worst ratio {ratios.Max():F4} > 1.5");
    }
}
