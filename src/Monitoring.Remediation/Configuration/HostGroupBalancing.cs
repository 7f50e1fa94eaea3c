using Monitoring.Remediation.Balancing;

namespace Monitoring.Remediation.Configuration;

/// <summary>The balancer's settings for one host group (cluster), and its automation.</summary>
public sealed record HostGroupBalancing(BalancerSettings Settings, AutomaticMode Automatic);
