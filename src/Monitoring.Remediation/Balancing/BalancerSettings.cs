namespace Monitoring.Remediation.Balancing;

/// <summary>How one balancing pass over one cluster behaves.</summary>
public sealed record BalancerSettings
{
    public const int DefaultMaxMovesPerPass = 5;
    public const int DefaultMigrationThreshold = 3;
    public const double DefaultMinimumGoodness = 0.005;
    public const double DefaultMigrationCostWeight = 0.05;
    public const double DefaultCpuWeight = 0.5;
    public const double DefaultMemoryWeight = 0.5;
    public const int DefaultBeamWidth = 4;
    public const long DefaultSearchBudget = 200_000;

    /// <summary>Moves one pass may propose (K). Default 5.</summary>
    public int MaxMovesPerPass { get; init; } = DefaultMaxMovesPerPass;

    /// <summary>1-5: a move is proposed only when its priority number is at most this (1 = only the most
    /// urgent, 5 = any improvement). Default 3, as VMM's aggressiveness and DRS's threshold.</summary>
    public int MigrationThreshold { get; init; } = DefaultMigrationThreshold;

    /// <summary>Minimum-goodness filter: the least drop in imbalance a move must bring. Default 0.005.</summary>
    public double MinimumGoodness { get; init; } = DefaultMinimumGoodness;

    /// <summary>Cost-benefit filter: a move must bring a drop in imbalance of at least this weight times
    /// the share of its source host's memory that the migration copies (the VM's configured memory).
    /// Default 0.05: a VM holding 20 % of its host's memory must improve the imbalance by 0.01.</summary>
    public double MigrationCostWeight { get; init; } = DefaultMigrationCostWeight;

    /// <summary>Weight of the CPU spread in the combined imbalance. Default 0.5.</summary>
    public double CpuWeight { get; init; } = DefaultCpuWeight;

    /// <summary>Weight of the memory spread in the combined imbalance. Default 0.5.</summary>
    public double MemoryWeight { get; init; } = DefaultMemoryWeight;

    /// <summary>Least number of partial plans kept at each depth of the search (1 = plain greedy). Default 4.</summary>
    public int BeamWidth { get; init; } = DefaultBeamWidth;

    /// <summary>Candidate moves tried per depth, across the beam: a cluster with fewer candidates gets a
    /// wider beam (up to 4,096 plans). Default 200,000 (about 2 ms). 0 keeps the beam at <see cref="BeamWidth"/>.</summary>
    public long SearchBudget { get; init; } = DefaultSearchBudget;

    /// <summary>Every filter off (no minimum goodness, no cost-benefit, any priority): pure greedy with
    /// <paramref name="maxMoves"/> moves. What the quality tests compare with the exhaustive search.</summary>
    public static BalancerSettings Unfiltered(int maxMoves) => new()
    {
        MaxMovesPerPass = maxMoves,
        MigrationThreshold = 5,
        MinimumGoodness = 0,
        MigrationCostWeight = 0,
    };
}
