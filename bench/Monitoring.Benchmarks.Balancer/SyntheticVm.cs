namespace Monitoring.Benchmarks.Balancer;

/// <summary>A VM of the synthetic estate with its last ten 1-minute averages (usage shares 0-1).</summary>
internal sealed record SyntheticVm(
    string Id, string HostId, int Cpus, double MemoryBytes, bool PoweredOn, double[] CpuMinutes, double[] MemoryMinutes);
