namespace Monitoring.Service.Api.Collectors;

/// <summary>One configured target and how its passes went.</summary>
internal sealed record CollectorDocument(string Target, string Kind, string Address, IReadOnlyList<PassDocument> Passes);

/// <summary>The latest pass of one kind (<c>inventory</c> or <c>realtime</c>); null fields when none has run yet. <c>Gaps</c>
/// names optional items the target lacks (empty when none): the pass still succeeded.</summary>
internal sealed record PassDocument(string Kind, bool? Succeeded, DateTimeOffset? FinishedAt, double? DurationSeconds, string? Failure, string? Error, DateTimeOffset? LastSuccessAt, IReadOnlyList<string> Gaps);
