using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Rollup;

/// <summary>Which policy rolls each kind of member into each kind of parent. Anything not listed is worst-of,
/// as the operations manager's default dependency monitors.</summary>
public sealed class RollupRules
{
    private readonly Dictionary<(HealthObjectKind Parent, HealthObjectKind Child), RollupPolicy> _rules = [];

    public static RollupRules Default { get; } = new();

    public RollupRules Set(HealthObjectKind parent, HealthObjectKind child, RollupPolicy policy)
    {
        _rules[(parent, child)] = policy;
        return this;
    }

    public RollupPolicy For(HealthObjectKind parent, HealthObjectKind child) =>
        _rules.GetValueOrDefault((parent, child)) ?? RollupPolicy.WorstOf;
}
