using Monitoring.Remediation.Balancing.Implementation;

namespace Monitoring.Remediation.Balancing;

/// <summary>The load balancer: greedy best-move passes over one cluster, after VMware DRS, widened to a
/// small beam so that a first move that looks best alone does not shut out a better pair.</summary>
/// <remarks>
/// Host load, per resource = sum of its VMs' demand / the host's capacity. Imbalance = sqrt(wCpu x
/// var(CPU loads) + wMem x var(memory loads)), the weights normalised to sum 1 (0.5 each by default),
/// so it equals the standard deviation of host loads when both resources are spread alike.
/// Each step tries every powered-on VM on every other active host, keeps the moves that satisfy the
/// hard constraints (configured memory fits, no anti-affinity partner, not back to a host the VM left)
/// and pass the filters (minimum goodness, cost-benefit, priority within the migration threshold), and
/// keeps the best partial plans (as many as <see cref="BalancerSettings.SearchBudget"/> allows, at least
/// <see cref="BalancerSettings.BeamWidth"/>) with the lowest imbalance (width 1
/// is plain greedy). A VM moves at most once per pass; the pass stops after
/// <see cref="BalancerSettings.MaxMovesPerPass"/> moves or when nothing passes; the plan returned is the
/// best seen at any depth. Every move is valid in order, so the plan can be carried out move by move.
/// </remarks>
public static class GreedyBalancer
{
    private const int MaxBeamWidth = 4096;

    public static BalancePlan Plan(BalancerCluster cluster, BalancerSettings settings, MigrationHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(settings);
        var state = new PlacementState(cluster, settings.CpuWeight, settings.MemoryWeight);
        var before = state.Imbalance();
        var forbidden = ForbiddenReturns(state, history);
        var best = new BeamNode([], before);
        List<BeamNode> beam = [best];
        var width = BeamWidthFor(state, settings);
        for (var depth = 0; depth < settings.MaxMovesPerPass; depth++)
        {
            var next = new BeamFrontier(width);
            foreach (var node in beam)
            {
                node.ApplyTo(state);
                Expand(state, settings, forbidden, node, next);
                node.UndoFrom(state);
            }

            if (next.Count == 0)
            {
                break;
            }

            beam = next.Nodes();
            if (beam[0].Imbalance < best.Imbalance)
            {
                best = beam[0];
            }
        }

        return new BalancePlan(cluster.Id, before, best.Imbalance, best.ToMoves(state, before));
    }

    private static void Expand(PlacementState state, BalancerSettings settings, HashSet<long> forbidden, BeamNode node, BeamFrontier next)
    {
        var current = node.Imbalance;
        if (RecommendationPriority.From(current, state.HostCount) > settings.MigrationThreshold)
        {
            return;
        }

        var hostCount = state.HostCount;
        for (var v = 0; v < state.VmCount; v++)
        {
            if (!state.VmMovable[v] || node.Moves(v) || (state.VmCpu[v] <= 0 && state.VmMem[v] <= 0))
            {
                continue;
            }

            var from = state.VmHost[v];
            // Cost-benefit: the drop needed to pay for copying the VM's memory off its host.
            var cost = settings.MigrationCostWeight * state.VmConfigured[v] / state.MemCapacity[from];
            // With both filters off (zero) a step may even worsen the spread, as the first half of a swap:
            // the beam keeps it only if it is among the best, and the plan returned is the best at any depth.
            var needed = Math.Max(settings.MinimumGoodness, cost);
            needed = needed > 0 ? needed : double.NegativeInfinity;
            for (var to = 0; to < hostCount; to++)
            {
                if (to == from)
                {
                    continue;
                }

                var after = state.ImbalanceAfter(v, to);
                if (current - after < needed || !next.WouldTake(after))
                {
                    continue;
                }

                if (!state.Allows(v, to) || forbidden.Contains(((long)v * hostCount) + to))
                {
                    continue;
                }

                next.Offer(node, v, from, to, after);
            }
        }
    }

    /// <summary>The beam is as wide as <see cref="BalancerSettings.SearchBudget"/> allows (candidate moves
    /// tried per depth), never narrower than <see cref="BalancerSettings.BeamWidth"/>: a small cluster is
    /// searched widely for the same cost as a large one narrowly.</summary>
    private static int BeamWidthFor(PlacementState state, BalancerSettings settings)
    {
        var movable = state.VmMovable.Count(m => m);
        var candidates = Math.Max(1L, (long)movable * Math.Max(1, state.HostCount - 1));
        var byBudget = (int)Math.Min(MaxBeamWidth, settings.SearchBudget / candidates);
        return Math.Max(Math.Max(1, settings.BeamWidth), byBudget);
    }

    private static HashSet<long> ForbiddenReturns(PlacementState state, MigrationHistory? history)
    {
        var forbidden = new HashSet<long>();
        if (history is null)
        {
            return forbidden;
        }

        var hostIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = 0; h < state.HostCount; h++)
        {
            hostIndex[state.HostIds[h]] = h;
        }

        for (var v = 0; v < state.VmCount; v++)
        {
            foreach (var left in history.HostsLeft(state.VmIds[v]))
            {
                if (hostIndex.TryGetValue(left, out var h))
                {
                    forbidden.Add(((long)v * state.HostCount) + h);
                }
            }
        }

        return forbidden;
    }
}
