using System.Text.Json.Serialization;
using Monitoring.Service.Remediation;

namespace Monitoring.Service.Api.Tips;

/// <summary>The balancer's plan now, without acting (<c>GET /api/v1/tips/whatif</c>, <c>tips whatif --json</c>).</summary>
internal sealed record WhatIfView([property: JsonPropertyName("clusters")] IReadOnlyList<WhatIfClusterView> Clusters)
{
    internal static WhatIfView From(IReadOnlyList<ClusterPlan> plans) =>
        new([.. plans.Select(p => new WhatIfClusterView(
            p.Plan.ClusterId,
            p.Input.NameOf(p.Plan.ClusterId),
            p.Plan.ImbalanceBefore,
            p.Plan.ImbalanceAfter,
            [.. p.Plan.Moves.Select(m => new WhatIfMoveView(m.VmId, m.FromHostId, m.ToHostId, m.Priority, p.Input.NameOf(m.VmId), p.Input.NameOf(m.FromHostId), p.Input.NameOf(m.ToHostId)))]))]);
}
