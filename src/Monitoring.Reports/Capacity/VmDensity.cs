namespace Monitoring.Reports.Capacity;

/// <summary>How densely a scope is packed.</summary>
/// <param name="PoweredOnVms">VMs powered on.</param>
/// <param name="VmsPerHost">Powered-on VMs per host.</param>
/// <param name="VcpusPerLogicalCpu">Configured vCPUs of powered-on VMs per logical processor of the hosts; null
/// when no host reports its processors.</param>
public sealed record VmDensity(int PoweredOnVms, double VmsPerHost, double? VcpusPerLogicalCpu);
