using Monitoring.Remediation.Balancing;
using Xunit;

namespace Monitoring.Tests.Remediation;

public sealed class GreedyBalancerConstraintTests
{
    public static TheoryData<int, bool> Settings => new() { { 2, false }, { 3, false }, { 5, false }, { 5, true } };

    [Theory]
    [MemberData(nameof(Settings))]
    public void NoPlan_ViolatesAHardConstraint(int moves, bool filtered)
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var cluster = RandomClusters.Create(seed, withConstraintCases: true);
            var settings = filtered ? new BalancerSettings { MaxMovesPerPass = moves, MigrationThreshold = 5 } : BalancerSettings.Unfiltered(moves);
            var plan = GreedyBalancer.Plan(cluster, settings);
            var placement = ReferencePlacement.Initial(cluster);
            foreach (var move in plan.Moves)
            {
                // Checked after every move: the plan is carried out one migration at a time.
                Assert.Equal(placement[move.VmId], move.FromHostId);
                placement[move.VmId] = move.ToHostId;
                var violations = ReferencePlacement.Violations(cluster, placement);
                Assert.True(violations.Count == 0, $"seed {seed}: {string.Join("; ", violations)}");
            }

            Assert.Equal(plan.Moves.Count, plan.Moves.Select(m => m.VmId).Distinct().Count());
        }
    }

    [Fact]
    public void StaticLoad_OverTwentyPasses_NoVmReturnsToAHostItLeft()
    {
        var clock = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var totalMoves = 0;
        for (var seed = 1; seed <= 30; seed++)
        {
            var cluster = RandomClusters.Create(seed, withConstraintCases: true);
            var history = new MigrationHistory();
            var left = new Dictionary<string, HashSet<string>>();
            for (var pass = 0; pass < 20; pass++)
            {
                var plan = GreedyBalancer.Plan(cluster, BalancerSettings.Unfiltered(3), history);
                foreach (var move in plan.Moves)
                {
                    Assert.False(
                        left.TryGetValue(move.VmId, out var hosts) && hosts.Contains(move.ToHostId),
                        $"seed {seed} pass {pass}: {move.VmId} back to {move.ToHostId}");
                    (left.TryGetValue(move.VmId, out var l) ? l : left[move.VmId] = []).Add(move.FromHostId);
                    history.RecordDeparture(move.VmId, move.FromHostId, clock.AddMinutes(pass * 5));
                    totalMoves++;
                }

                cluster = cluster with
                {
                    Vms = [.. cluster.Vms.Select(vm => plan.Moves.FirstOrDefault(m => m.VmId == vm.Id) is { } m ? vm with { HostId = m.ToHostId } : vm)],
                };
            }
        }

        Assert.True(totalMoves > 30, $"only {totalMoves} moves: the passes did not balance anything");
    }

    [Fact]
    public void Filters_MinimumGoodnessAndCostBenefitAndThreshold_EachHoldBackMoves()
    {
        const double GiB = 1024d * 1024 * 1024;
        // Two equal hosts; the first carries two VMs, the second none: moving one halves the spread.
        var cluster = new BalancerCluster(
            "c",
            [new BalancerHost("h1", 16, 128 * GiB), new BalancerHost("h2", 16, 128 * GiB)],
            [new BalancerVm("a", "h1", 4, 16 * GiB, 64 * GiB), new BalancerVm("b", "h1", 4, 16 * GiB, 16 * GiB)]);

        var open = GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 5, MigrationCostWeight = 0 });
        Assert.Single(open.Moves);
        // CPU loads 0.5 and 0 (sd 0.25), memory 0.25 and 0 (sd 0.125): sqrt(0.5 x 0.0625 + 0.5 x 0.015625).
        Assert.Equal(Math.Sqrt(0.0390625), open.ImbalanceBefore, 9);
        Assert.Equal(0, open.ImbalanceAfter, 9);

        // Minimum goodness above what the best move brings: nothing.
        Assert.Empty(GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 5, MinimumGoodness = 0.2 }).Moves);

        // Cost-benefit: a weight that makes copying either VM dearer than the gain leaves both.
        Assert.Empty(GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 5, MigrationCostWeight = 2 }).Moves);

        // A weight that prices the big VM (half its host's memory) out but not the small one moves the small one.
        var costly = GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 5, MigrationCostWeight = 0.5 });
        Assert.Equal("b", Assert.Single(costly.Moves).VmId);

        // Priority of a spread of 0.198 over 2 hosts: 6 - ceil(0.198 x 1.414 / 0.1) = 3; threshold 2 holds it back.
        Assert.Equal(3, RecommendationPriority.From(open.ImbalanceBefore, 2));
        Assert.Empty(GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 2, MigrationCostWeight = 0 }).Moves);
        Assert.Equal(3, Assert.Single(GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 3, MigrationCostWeight = 0 }).Moves).Priority);
    }

    [Fact]
    public void HostInMaintenance_PoweredOffVm_AntiAffinity_AreRespected()
    {
        const double GiB = 1024d * 1024 * 1024;
        var cluster = new BalancerCluster(
            "c",
            [new BalancerHost("busy", 16, 128 * GiB), new BalancerHost("idle-maint", 16, 128 * GiB, InMaintenance: true),
             new BalancerHost("partner", 16, 128 * GiB), new BalancerHost("small", 16, 8 * GiB)],
            [new BalancerVm("node1", "busy", 8, 8 * GiB, 16 * GiB), new BalancerVm("off", "busy", 8, 8 * GiB, 4 * GiB, PoweredOn: false),
             new BalancerVm("node2", "partner", 1, 1 * GiB, 4 * GiB)],
            [new AntiAffinityGroup("guest-cluster", ["node1", "node2"])]);

        var plan = GreedyBalancer.Plan(cluster, BalancerSettings.Unfiltered(3));

        // node1 may not join node2 on "partner", nor fit "small" (16 GiB configured > 8 GiB), nor go to the
        // host in maintenance; the powered-off VM stays where it is: so nothing can move.
        Assert.Empty(plan.Moves);
        Assert.True(plan.ImbalanceBefore > 0.1);
    }

    [Theory]
    [InlineData(new double[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }, 0.85)]
    [InlineData(new double[] { 9, 9, 9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }, 0.85)]
    [InlineData(new double[] { 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 }, 0.2)]
    [InlineData(new double[] { 0.2, 0.6 }, 0.6)]
    public void LoadSignal_IsTheMeanOfTheTopFortyPercentOfTheLastTenMinutes(double[] minutes, double expected) =>
        Assert.Equal(expected, LoadSignal.Smooth(minutes)!.Value, 9);

    [Fact]
    public void LoadSignal_NoSample_IsNull() => Assert.Null(LoadSignal.Smooth([]));
}
