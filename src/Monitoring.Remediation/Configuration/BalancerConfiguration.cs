using Monitoring.Core.Configuration;
using Monitoring.Remediation.Balancing;

namespace Monitoring.Remediation.Configuration;

/// <summary>The validated <c>Monitoring:Balancer</c> section.</summary>
public sealed class BalancerConfiguration
{
    private const string Key = "Monitoring:Balancer";
    private readonly Dictionary<string, HostGroupBalancing> _groups;

    private BalancerConfiguration(
        bool enabled,
        TimeSpan interval,
        TimeSpan firstPassWithin,
        TimeSpan returnBlock,
        HostGroupBalancing defaults,
        Dictionary<string, HostGroupBalancing> groups,
        IReadOnlyList<AntiAffinityGroup> antiAffinity)
    {
        Enabled = enabled;
        Interval = interval;
        FirstPassWithin = firstPassWithin;
        ReturnBlock = returnBlock;
        Defaults = defaults;
        _groups = groups;
        AntiAffinityGroups = antiAffinity;
    }

    public static BalancerConfiguration Default { get; } = From(new BalancerOptions(), []);

    public bool Enabled { get; }

    public TimeSpan Interval { get; }

    public TimeSpan FirstPassWithin { get; }

    /// <summary>How long a VM is kept off a host it left.</summary>
    public TimeSpan ReturnBlock { get; }

    /// <summary>For clusters not listed under HostGroups.</summary>
    public HostGroupBalancing Defaults { get; }

    public IReadOnlyList<AntiAffinityGroup> AntiAffinityGroups { get; }

    /// <summary>The settings of the cluster with this inventory id or name.</summary>
    public HostGroupBalancing For(string clusterId, string? clusterName) =>
        _groups.TryGetValue(clusterId, out var byId) ? byId
        : clusterName is not null && _groups.TryGetValue(clusterName, out var byName) ? byName
        : Defaults;

    /// <summary>Validates <paramref name="options"/>, adding one line per bad key (naming it and what is
    /// allowed) to <paramref name="problems"/> and using the default in its place.</summary>
    public static BalancerConfiguration From(BalancerOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var cpuWeight = Range(options.CpuWeightPercent, BalancerOptions.DefaultCpuWeightPercent, 0, 100, "CpuWeightPercent", problems);
        var threshold = Threshold(options.MigrationThreshold, BalancerOptions.DefaultMigrationThreshold, $"{Key}:MigrationThreshold", problems);
        var settings = new BalancerSettings
        {
            MaxMovesPerPass = Range(options.MaxMovesPerPass, BalancerOptions.DefaultMaxMovesPerPass, 1, 50, "MaxMovesPerPass", problems),
            MigrationThreshold = threshold,
            MinimumGoodness = Range(options.MinimumGoodnessThousandths, BalancerOptions.DefaultMinimumGoodnessThousandths, 0, 500, "MinimumGoodnessThousandths", problems) / 1000.0,
            MigrationCostWeight = Range(options.MigrationCostWeightPercent, BalancerOptions.DefaultMigrationCostWeightPercent, 0, 1000, "MigrationCostWeightPercent", problems) / 100.0,
            CpuWeight = cpuWeight / 100.0,
            MemoryWeight = (100 - cpuWeight) / 100.0,
        };
        var defaults = new HostGroupBalancing(settings, AutomaticMode.Off);

        var groups = new Dictionary<string, HostGroupBalancing>(StringComparer.Ordinal);
        for (var i = 0; i < options.HostGroups.Count; i++)
        {
            var group = options.HostGroups[i];
            var at = $"{Key}:HostGroups:{i}";
            if (string.IsNullOrWhiteSpace(group.Name))
            {
                problems.Add($"{at}:Name: required; the cluster's inventory id (vc01/domain-c7) or its name");
                continue;
            }

            if (groups.ContainsKey(group.Name))
            {
                problems.Add($"{at}:Name: \"{group.Name}\" is listed twice; each host group once");
                continue;
            }

            var groupThreshold = Threshold(group.MigrationThreshold, threshold, $"{at}:MigrationThreshold", problems);
            groups[group.Name] = new HostGroupBalancing(settings with { MigrationThreshold = groupThreshold }, Automatic(group.Automatic, $"{at}:Automatic", problems));
        }

        var antiAffinity = new List<AntiAffinityGroup>();
        for (var i = 0; i < options.AntiAffinityGroups.Count; i++)
        {
            var group = options.AntiAffinityGroups[i];
            var at = $"{Key}:AntiAffinityGroups:{i}";
            if (string.IsNullOrWhiteSpace(group.Name))
            {
                problems.Add($"{at}:Name: required");
            }

            var vms = group.Vms.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
            if (vms.Count < 2)
            {
                problems.Add($"{at}:Vms: list at least two different VM inventory ids (vc01/vm-42)");
                continue;
            }

            antiAffinity.Add(new AntiAffinityGroup(group.Name ?? $"group {i}", vms));
        }

        return new BalancerConfiguration(
            options.Enabled ?? true,
            TimeSpan.FromSeconds(Range(options.IntervalSeconds, BalancerOptions.DefaultIntervalSeconds, 60, 86_400, "IntervalSeconds", problems)),
            TimeSpan.FromSeconds(Range(options.FirstPassWithinSeconds, BalancerOptions.DefaultFirstPassWithinSeconds, 0, 300, "FirstPassWithinSeconds", problems)),
            TimeSpan.FromMinutes(Range(options.ReturnBlockMinutes, BalancerOptions.DefaultReturnBlockMinutes, 0, 10_080, "ReturnBlockMinutes", problems)),
            defaults,
            groups,
            antiAffinity);
    }

    private static int Threshold(int? value, int fallback, string key, List<string> problems)
    {
        var v = value ?? fallback;
        if (v is < 1 or > 5)
        {
            problems.Add($"{key}: {v} is not allowed; use 1 (only the most urgent moves) to 5 (any improvement), default {fallback}");
            return fallback;
        }

        return v;
    }

    private static AutomaticMode Automatic(string? value, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return AutomaticMode.Off;
        }

        if (Enum.TryParse<AutomaticMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _))
        {
            return mode;
        }

        problems.Add($"{key}: \"{value}\" is not allowed; use Off, Critical or WarningAndCritical");
        return AutomaticMode.Off;
    }

    private static int Range(int? value, int fallback, int min, int max, string name, List<string> problems)
    {
        var v = value ?? fallback;
        if (v < min || v > max)
        {
            problems.Add($"{Key}:{name}: {v} is out of range; allowed {min} to {max} (default {fallback})");
            return fallback;
        }

        return v;
    }
}
