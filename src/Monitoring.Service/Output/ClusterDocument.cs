namespace Monitoring.Service.Output;

/// <summary>A cluster in the JSON output.</summary>
internal sealed record ClusterDocument(string Id, string Target, string Name, string Health, string? HealthReason, int HostCount, DateTimeOffset? GoneAt);
