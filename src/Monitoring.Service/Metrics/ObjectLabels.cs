namespace Monitoring.Service.Metrics;

/// <summary>How an inventory object is labelled on /metrics: host or VM, and its name.</summary>
internal sealed record ObjectLabels(bool IsVm, string Name);
