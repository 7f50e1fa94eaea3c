using Monitoring.Remediation.Balancing;

namespace Monitoring.Service.Remediation;

/// <summary>The balancer's plan for one cluster, with the names of what it moves (tip texts, whatif).</summary>
internal sealed record ClusterPlan(BalancePlan Plan, BalancerInput Input);
