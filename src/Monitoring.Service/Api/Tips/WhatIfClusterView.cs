using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.Tips;

/// <summary>One cluster of the plan: its imbalance (standard deviation of host loads) before and after the moves.</summary>
internal sealed record WhatIfClusterView(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("imbalanceBefore")] double ImbalanceBefore,
    [property: JsonPropertyName("imbalanceAfter")] double ImbalanceAfter,
    [property: JsonPropertyName("moves")] IReadOnlyList<WhatIfMoveView> Moves);
