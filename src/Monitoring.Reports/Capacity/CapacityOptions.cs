namespace Monitoring.Reports.Capacity;

/// <summary>How the capacity report is computed. The defaults are constants so the documentation can quote them.</summary>
public sealed record CapacityOptions
{
    /// <summary>Default window, days.</summary>
    public const int DefaultDays = 30;

    /// <summary>Default number of hosts held in reserve per cluster (N+1).</summary>
    public const int DefaultReserveHosts = 1;

    /// <summary>Default share of capacity that may be used before a resource counts as exhausted.</summary>
    public const double DefaultTargetRatio = 1.0;

    /// <summary>Default disk footprint that scores 0 in the P2V ranking: 1 TiB.</summary>
    public const long DefaultP2VReferenceDiskBytes = 1L << 40;

    /// <summary>The window the report covers, ending now. Default 30.</summary>
    public int Days { get; init; } = DefaultDays;

    /// <summary>Hosts of a cluster held back for failover (N+k): the largest k hosts' CPU and memory are left out
    /// of the capacity that headroom is measured against. Never more than the cluster's hosts minus one; standalone
    /// hosts have none. Default 1.</summary>
    public int ReserveHosts { get; init; } = DefaultReserveHosts;

    /// <summary>The share of capacity that counts as full (0-1): headroom fills capacity up to it, and days to
    /// exhaustion count until the trend reaches it. Default 1.0 (all of it).</summary>
    public double TargetRatio { get; init; } = DefaultTargetRatio;

    /// <summary>The used disk that scores 0 in the P2V disk-footprint term. Default 1 TiB.</summary>
    public long P2VReferenceDiskBytes { get; init; } = DefaultP2VReferenceDiskBytes;

    /// <summary>What is wrong with these options, one message each naming the option; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Days is < 1 or > 730)
        {
            problems.Add($"days: {Days} is out of range; use 1 to 730");
        }

        if (ReserveHosts is < 0 or > 16)
        {
            problems.Add($"reserve hosts: {ReserveHosts} is out of range; use 0 to 16");
        }

        if (!(TargetRatio is > 0 and <= 1))
        {
            problems.Add($"target ratio: {TargetRatio} is out of range; use a number above 0 and up to 1");
        }

        if (P2VReferenceDiskBytes <= 0)
        {
            problems.Add("P2V reference disk: must be above 0 bytes");
        }

        return problems;
    }
}
