namespace Monitoring.Service.Rules;

/// <summary>A Prometheus recording rule: <paramref name="Record"/> is stored as <paramref name="Expression"/>.</summary>
internal sealed record RecordingRule(string Record, string Expression);
