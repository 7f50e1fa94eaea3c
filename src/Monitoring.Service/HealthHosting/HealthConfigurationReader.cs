using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Core.Configuration;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;

namespace Monitoring.Service.HealthHosting;

/// <summary>Checks <c>Monitoring:Health</c> at start-up. What can be judged without the inventory is judged here
/// (an unknown monitor or host group, an impossible threshold, a window that ends before it starts): each problem
/// names its key and what is allowed, and start-up stops (exit 2). An override or a member naming an object not
/// (yet) in the inventory is not an error: the health service logs it once and applies it when the object appears.</summary>
internal static partial class HealthConfigurationReader
{
    private const string Key = "Monitoring:Health";

    public static HealthConfiguration From(HealthOptions options, Thresholds thresholds, TimeSpan realtimeInterval, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        var monitors = StandardMonitors.From(thresholds, realtimeInterval);
        var groups = ReadGroups(options.HostGroups, problems);
        var rollup = HostGroupRollupReader.Read(options.HostGroups, $"{Key}:HostGroups", problems);
        var groupNames = groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var overrides = new List<MonitorOverride>();
        for (var i = 0; i < options.Overrides.Count; i++)
        {
            if (ReadOverride(options.Overrides[i], $"{Key}:Overrides:{i}", monitors, groupNames, problems) is { } ov)
            {
                overrides.Add(ov);
            }
        }

        var windows = new List<MaintenanceWindow>();
        for (var i = 0; i < options.MaintenanceWindows.Count; i++)
        {
            if (ReadWindow(options.MaintenanceWindows[i], i, groupNames, problems) is { } window)
            {
                windows.Add(window);
            }
        }

        var states = new List<KeyValuePair<int, string>>();
        var catalog = new ResolutionStateCatalog();
        for (var i = 0; i < options.ResolutionStates.Count; i++)
        {
            var state = options.ResolutionStates[i];
            try
            {
                catalog.Define(state.Value ?? -1, state.Name ?? string.Empty);
                states.Add(new(state.Value!.Value, state.Name!));
            }
            catch (AlertOperationException e)
            {
                problems.Add($"{Key}:ResolutionStates:{i}: {e.Message} (Value 2-248 and a Name are required)");
            }
        }

        return new HealthConfiguration(new HealthSettings { Monitors = monitors, Overrides = overrides, Rollup = rollup }, groups, windows, states);
    }

    private static List<HostGroup> ReadGroups(IList<HostGroupOptions> options, List<string> problems)
    {
        var groups = new List<HostGroup>();
        var names = options.Select(g => g.Name).Where(n => n is not null).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var at = $"{Key}:HostGroups:{i}";
            var group = options[i];
            if (group.Name is null || !GroupName().IsMatch(group.Name))
            {
                problems.Add($"{at}:Name: required; letters, digits, '.', '_' and '-', up to 64 characters");
                continue;
            }

            if (groups.Any(g => g.Name == group.Name))
            {
                problems.Add($"{at}:Name: \"{group.Name}\" is defined twice; each host group needs its own name");
                continue;
            }

            if (group.Parent is not null && !names.Contains(group.Parent))
            {
                problems.Add($"{at}:Parent: \"{group.Parent}\" is not a defined host group; defined: {string.Join(", ", names)}");
                continue;
            }

            groups.Add(new HostGroup(group.Name, [.. group.Members], group.Parent));
        }

        // Loops and double membership need every group: let the tree builder judge them on an empty inventory.
        try
        {
            var builder = new HealthTopologyBuilder();
            foreach (var g in groups)
            {
                builder.AddHostGroup(g with { Members = [] });
            }

            builder.Build();
        }
        catch (HealthSettingsException e)
        {
            problems.AddRange(e.Errors.Select(m => $"{Key}:{m}"));
        }

        return groups;
    }

    private static MonitorOverride? ReadOverride(MonitorOverrideOptions o, string at, IReadOnlyList<MonitorDefinition> monitors, HashSet<string> groups, List<string> problems)
    {
        var definition = monitors.FirstOrDefault(m => m.Name == o.Monitor);
        if (definition is null)
        {
            problems.Add($"{at}:Monitor: \"{o.Monitor}\" is not a known monitor; known: {string.Join(", ", monitors.Select(m => m.Name).Order(StringComparer.Ordinal))}");
            return null;
        }

        if ((o.HostGroup is null) == (o.Object is null))
        {
            problems.Add($"{at}: name exactly one of HostGroup (a host group's name) and Object (an inventory id such as vc01/host-21)");
            return null;
        }

        if (o.HostGroup is not null && !groups.Contains(o.HostGroup))
        {
            problems.Add($"{at}:HostGroup: \"{o.HostGroup}\" is not a defined host group; defined: {(groups.Count == 0 ? "none (Monitoring:Health:HostGroups)" : string.Join(", ", groups))}");
            return null;
        }

        var before = problems.Count;
        var warning = Percent(o.WarningPercent, $"{at}:WarningPercent", problems);
        var critical = Percent(o.CriticalPercent, $"{at}:CriticalPercent", problems);
        var hysteresis = Percent(o.HysteresisPercent, $"{at}:HysteresisPercent", problems);
        if (o.ConsecutiveSamples is < 1 or > Monitoring.HealthModel.Monitors.ThresholdSettings.MaxConsecutiveSamples)
        {
            problems.Add($"{at}:ConsecutiveSamples: {o.ConsecutiveSamples} is out of range; allowed 1 to {Monitoring.HealthModel.Monitors.ThresholdSettings.MaxConsecutiveSamples}");
        }

        var ov = new MonitorOverride(o.Monitor!, o.HostGroup, o.Object, o.Enabled, warning, critical, o.ConsecutiveSamples, hysteresis);
        if (ov.ChangesThresholds && definition.Kind != MonitorKind.Threshold)
        {
            problems.Add($"{at}: monitor \"{definition.Name}\" has no thresholds; only Enabled can be overridden (threshold monitors: {string.Join(", ", monitors.Where(m => m.Kind == MonitorKind.Threshold).Select(m => m.Name))})");
            return null;
        }

        if (problems.Count > before)
        {
            return null;
        }

        // The override over the configured defaults must still make sense (warning below critical, or above it
        // for free space). Combinations across several overrides are checked again when the inventory places them.
        if (definition.Thresholds is { } defaults && ov.ChangesThresholds)
        {
            var merged = defaults with
            {
                Warning = warning ?? defaults.Warning,
                Critical = critical ?? defaults.Critical,
                ConsecutiveSamples = o.ConsecutiveSamples ?? defaults.ConsecutiveSamples,
                Hysteresis = hysteresis ?? defaults.Hysteresis,
            };
            foreach (var problem in merged.Problems(definition.Minimum, definition.Maximum))
            {
                problems.Add($"{at}: {problem} (as ratios; the percentages are WarningPercent and CriticalPercent, the other level from Monitoring:Thresholds)");
            }
        }

        return problems.Count > before ? null : ov;
    }

    private static double? Percent(int? value, string key, List<string> problems)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v is < 0 or > 100)
        {
            problems.Add($"{key}: {v} is out of range; allowed 0 to 100 (a percentage)");
            return null;
        }

        return v / 100.0;
    }

    private static MaintenanceWindow? ReadWindow(MaintenanceWindowOptions w, int index, HashSet<string> groups, List<string> problems)
    {
        var at = $"{Key}:MaintenanceWindows:{index}";
        var before = problems.Count;
        if ((w.Object is null) == (w.HostGroup is null))
        {
            problems.Add($"{at}: name exactly one of Object (an inventory id or target:NAME) and HostGroup");
        }
        else if (w.HostGroup is not null && !groups.Contains(w.HostGroup))
        {
            problems.Add($"{at}:HostGroup: \"{w.HostGroup}\" is not a defined host group");
        }

        var start = Time(w.Start, $"{at}:Start", problems);
        var end = Time(w.End, $"{at}:End", problems);
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add($"{at}:End: {e:u} must be after Start ({s:u})");
        }

        if (problems.Count > before)
        {
            return null;
        }

        var scope = w.HostGroup is not null ? HostGroup.IdPrefix + w.HostGroup : w.Object!;
        return new MaintenanceWindow($"config-{index}", scope, start!.Value, end!.Value, w.Reason ?? "configured", "config");
    }

    private static DateTimeOffset? Time(string? value, string key, List<string> problems)
    {
        if (value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        problems.Add($"{key}: required; an ISO 8601 time such as 2026-12-01T22:00:00Z");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupName();
}
