using Monitoring.Remediation.Balancing;
using Monitoring.Remediation.Tips;
using Xunit;

namespace Monitoring.Tests.Support;

/// <summary>Balancer tips as the tests that age and prune them need: one per VM, each in a scope of its own.</summary>
internal static class TestTips
{
    /// <summary>A migration of <paramref name="vm"/> in cluster <c>vc01/domain-c7</c>; its key ends with a slash, so it
    /// is no other VM's prefix.</summary>
    public static TipCandidate Candidate(string vm) => new(
        $"balance/vc01/domain-c7/{vm}/", BalancerTips.Source, vm, "vc01/domain-c7", TipAction.Migration(vm, "vc01/host-1", "vc01/host-2"),
        $"Migrate {vm}", "Imbalance 0.300", "Load is unevenly spread.", "Imbalance 0.300 -> 0.000.", 2, TipSeverity.Critical);

    /// <summary>Raises the tip of <paramref name="vm"/> (Active).</summary>
    public static Tip Raise(TipLifecycle lifecycle, string vm) =>
        Assert.Single(lifecycle.Reconcile(Candidate(vm).ConditionKey, [Candidate(vm)], "balancer"));

    /// <summary>Raises the tip of <paramref name="vm"/> and dismisses it at once (final).</summary>
    public static Tip Dismissed(TipLifecycle lifecycle, string vm) => lifecycle.Dismiss(Raise(lifecycle, vm).Id, "key:ops");
}
