using Monitoring.Core.Configuration;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Rollup;

namespace Monitoring.Service.HealthHosting;

/// <summary>Reads each host group's rollup rule (<c>Monitoring:Health:HostGroups[].Rollup</c> and <c>HealthyPercent</c>)
/// into the rules the health engine rolls up by; a group without one rolls up worst-of.</summary>
internal static class HostGroupRollupReader
{
    private const string Allowed = "WorstOf (the default), BestOf or Percentage (with HealthyPercent 1 to 100)";

    public static RollupRules Read(IList<HostGroupOptions> groups, string key, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rules = new RollupRules();
        for (var i = 0; i < groups.Count; i++)
        {
            var at = $"{key}:{i}";
            if (Policy(groups[i], at, problems) is { } policy && groups[i].Name is { } name)
            {
                rules.SetFor(HostGroup.IdPrefix + name, policy);
            }
        }

        return rules;
    }

    private static RollupPolicy? Policy(HostGroupOptions group, string at, List<string> problems)
    {
        var rule = group.Rollup?.Trim();
        if (string.IsNullOrEmpty(rule) || rule.Equals("WorstOf", StringComparison.OrdinalIgnoreCase))
        {
            return RefuseStrayPercent(group, at, problems) ? null : RollupPolicy.WorstOf;
        }

        if (rule.Equals("BestOf", StringComparison.OrdinalIgnoreCase))
        {
            return RefuseStrayPercent(group, at, problems) ? null : RollupPolicy.BestOf;
        }

        if (!rule.Equals("Percentage", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{at}:Rollup: \"{group.Rollup}\" is not a rollup rule; allowed: {Allowed}");
            return null;
        }

        if (group.HealthyPercent is not { } percent)
        {
            problems.Add($"{at}:HealthyPercent: required with Rollup Percentage; the share of members (1 to 100) that must be healthy for the group to be");
            return null;
        }

        if (percent is < 1 or > 100)
        {
            problems.Add($"{at}:HealthyPercent: {percent} is out of range; allowed 1 to 100 (a percentage)");
            return null;
        }

        return RollupPolicy.Percentage(percent);
    }

    /// <summary>A HealthyPercent on a group that does not roll up by percentage is a mistake the operator should hear of.</summary>
    private static bool RefuseStrayPercent(HostGroupOptions group, string at, List<string> problems)
    {
        if (group.HealthyPercent is null)
        {
            return false;
        }

        problems.Add($"{at}:HealthyPercent: only with Rollup Percentage (Rollup is {group.Rollup ?? "WorstOf, the default"})");
        return true;
    }
}
