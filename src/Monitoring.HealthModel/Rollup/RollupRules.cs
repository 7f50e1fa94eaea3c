using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Rollup;

/// <summary>Which policy rolls each kind of member into each kind of parent, or, for an object with a rule of its own
/// (a host group's configured rollup), all its members together. Anything not listed is worst-of, as the operations manager's
/// default dependency monitors.</summary>
public sealed class RollupRules
{
    private readonly Dictionary<(HealthObjectKind Parent, HealthObjectKind Child), RollupPolicy> _rules = [];
    private readonly Dictionary<string, RollupPolicy> _objects = new(StringComparer.Ordinal);

    public static RollupRules Default { get; } = new();

    public RollupRules Set(HealthObjectKind parent, HealthObjectKind child, RollupPolicy policy)
    {
        _rules[(parent, child)] = policy;
        return this;
    }

    /// <summary>One object's policy for all its members together, whatever their kind (e.g. <c>group:prod</c> holding
    /// clusters and standalone hosts); it replaces the rules by kind for that object.</summary>
    public RollupRules SetFor(string objectId, RollupPolicy policy)
    {
        _objects[objectId] = policy;
        return this;
    }

    public RollupPolicy For(HealthObjectKind parent, HealthObjectKind child) =>
        _rules.GetValueOrDefault((parent, child)) ?? RollupPolicy.WorstOf;

    /// <summary>The object's own policy, or null when its members roll up by kind.</summary>
    public RollupPolicy? ForObject(string objectId) => _objects.GetValueOrDefault(objectId);
}
