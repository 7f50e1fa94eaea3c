namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Balancer</c> section: the PRO load balancer (docs/tips.md). Whole numbers
/// only, like every number in the configuration: small shares are in thousandths or percent.</summary>
public sealed class BalancerOptions
{
    public const int DefaultIntervalSeconds = 300;
    public const int DefaultFirstPassWithinSeconds = 120;
    public const int DefaultMaxMovesPerPass = 5;
    public const int DefaultMigrationThreshold = 3;
    public const int DefaultMinimumGoodnessThousandths = 5;
    public const int DefaultMigrationCostWeightPercent = 5;
    public const int DefaultCpuWeightPercent = 50;
    public const int DefaultReturnBlockMinutes = 1440;

    /// <summary>Whether the service runs balancing passes. Default true.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Seconds between passes. Default 300 (60 to 86,400).</summary>
    public int? IntervalSeconds { get; set; }

    /// <summary>The first pass comes this many seconds after start, on whatever data there is. Default 120 (0 to 300).</summary>
    public int? FirstPassWithinSeconds { get; set; }

    /// <summary>Moves one pass may propose per cluster. Default 5 (1 to 50).</summary>
    public int? MaxMovesPerPass { get; set; }

    /// <summary>1 (only the most urgent moves) to 5 (any improvement) for clusters not listed in
    /// <see cref="HostGroups"/>. Default 3.</summary>
    public int? MigrationThreshold { get; set; }

    /// <summary>Least drop in imbalance a move must bring, in thousandths. Default 5 (0.005); 0 to 500.</summary>
    public int? MinimumGoodnessThousandths { get; set; }

    /// <summary>Cost-benefit weight, percent: a move must lower the imbalance by this share of the share of
    /// its source host's memory it copies. Default 5 (0.05); 0 (off) to 1,000.</summary>
    public int? MigrationCostWeightPercent { get; set; }

    /// <summary>Weight of CPU in the combined imbalance, percent; memory gets the rest. Default 50 (0 to 100).</summary>
    public int? CpuWeightPercent { get; set; }

    /// <summary>Minutes during which a VM is never moved back to a host it left. Default 1,440 (0 to 10,080).</summary>
    public int? ReturnBlockMinutes { get; set; }

    /// <summary>Per-cluster (host group) settings, matched by cluster id or name.</summary>
    public IList<HostGroupBalancingOptions> HostGroups { get; } = [];

    /// <summary>VMs that must never share a host.</summary>
    public IList<AntiAffinityOptions> AntiAffinityGroups { get; } = [];
}
