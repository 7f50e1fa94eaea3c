using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Settings;

/// <summary>Checks the monitors and overrides against the health tree and works out each monitor's settings per object.</summary>
public sealed class SettingsResolver
{
    private readonly HealthTopology _topology;
    private readonly Dictionary<string, MonitorDefinition> _monitors;
    private readonly Dictionary<string, List<MonitorOverride>> _overridesByScope;

    // The threshold monitors of each kind of object and metric: every realtime sample looks them up.
    private readonly Dictionary<(HealthObjectKind Kind, string Metric), MonitorDefinition[]> _thresholds;

    /// <exception cref="HealthSettingsException">Any monitor or override cannot work; every problem is listed.</exception>
    public SettingsResolver(HealthSettings settings, HealthTopology topology)
    {
        _topology = topology;
        _monitors = new Dictionary<string, MonitorDefinition>(StringComparer.Ordinal);
        _overridesByScope = new Dictionary<string, List<MonitorOverride>>(StringComparer.Ordinal);
        var errors = new List<string>();

        for (var i = 0; i < settings.Monitors.Count; i++)
        {
            var monitor = settings.Monitors[i];
            if (!_monitors.TryAdd(monitor.Name, monitor))
            {
                errors.Add($"Monitors:{i}: the name \"{monitor.Name}\" is used twice");
            }

            errors.AddRange(monitor.Problems().Select(p => $"Monitors:{i} (\"{monitor.Name}\"): {p}"));
        }

        _thresholds = _monitors.Values
            .Where(d => d.Kind == MonitorKind.Threshold && d.Metric is not null)
            .GroupBy(d => (d.AppliesTo, d.Metric!))
            .ToDictionary(g => g.Key, g => g.ToArray());
        errors.AddRange(settings.Flapping.Problems().Select(p => $"Flapping: {p}"));

        for (var i = 0; i < settings.Overrides.Count; i++)
        {
            var scopeId = CheckOverride(i, settings.Overrides[i], errors);
            if (scopeId is not null)
            {
                if (!_overridesByScope.TryGetValue(scopeId, out var list))
                {
                    _overridesByScope[scopeId] = list = [];
                }

                list.Add(settings.Overrides[i]);
            }
        }

        // A combination can be impossible even when each override is fine alone (a group raises warning,
        // an object lowers critical below it): check each override where it applies.
        // Only once every override names something real: merging needs the monitor and the scope.
        var merge = errors.Count == 0;
        for (var i = 0; merge && i < settings.Overrides.Count; i++)
        {
            var ov = settings.Overrides[i];
            var definition = _monitors[ov.Monitor];
            if (definition.Kind != MonitorKind.Threshold)
            {
                continue;
            }

            var scopeId = ov.HostGroup is not null ? HostGroup.IdPrefix + ov.HostGroup : ov.ObjectId!;
            var merged = Resolve(definition, scopeId).Thresholds!;
            errors.AddRange(merged.Problems(definition.Minimum, definition.Maximum)
                .Select(p => $"Overrides:{i}: monitor \"{ov.Monitor}\" on {ov.Scope}: {p}"));
        }

        if (errors.Count > 0)
        {
            throw new HealthSettingsException(errors);
        }
    }

    public IReadOnlyCollection<MonitorDefinition> Monitors => _monitors.Values;

    /// <summary>The threshold monitors that judge <paramref name="metric"/> on objects of <paramref name="kind"/>
    /// (usually one, often none), without allocating.</summary>
    public MonitorDefinition[] ThresholdMonitors(HealthObjectKind kind, string metric) =>
        _thresholds.GetValueOrDefault((kind, metric), []);

    public MonitorDefinition? FindMonitor(string name) => _monitors.GetValueOrDefault(name);

    /// <summary>The monitor's settings on the object: defaults, then host groups from the outermost in, then the object's own override.</summary>
    public EffectiveMonitorSettings Resolve(MonitorDefinition definition, string objectId)
    {
        var enabled = true;
        var thresholds = definition.Thresholds;
        foreach (var node in _topology.SelfAndAncestors(objectId).Reverse())
        {
            if (!_overridesByScope.TryGetValue(node.Id, out var overrides))
            {
                continue;
            }

            foreach (var ov in overrides.Where(o => o.Monitor == definition.Name))
            {
                enabled = ov.Enabled ?? enabled;
                if (thresholds is not null)
                {
                    thresholds = thresholds with
                    {
                        Warning = ov.Warning ?? thresholds.Warning,
                        Critical = ov.Critical ?? thresholds.Critical,
                        ConsecutiveSamples = ov.ConsecutiveSamples ?? thresholds.ConsecutiveSamples,
                        Hysteresis = ov.Hysteresis ?? thresholds.Hysteresis,
                    };
                }
            }
        }

        return new EffectiveMonitorSettings(enabled, thresholds);
    }

    private string? CheckOverride(int index, MonitorOverride ov, List<string> errors)
    {
        var at = $"Overrides:{index}";
        if (!_monitors.TryGetValue(ov.Monitor, out var definition))
        {
            errors.Add($"{at}:Monitor: \"{ov.Monitor}\" is not a known monitor; known: {string.Join(", ", _monitors.Keys.Order(StringComparer.Ordinal))}");
            return null;
        }

        if ((ov.HostGroup is null) == (ov.ObjectId is null))
        {
            errors.Add($"{at}: name exactly one of HostGroup and Object");
            return null;
        }

        if (ov.ChangesThresholds && definition.Kind != MonitorKind.Threshold)
        {
            errors.Add($"{at}: monitor \"{ov.Monitor}\" ({definition.Kind.ToString().ToLowerInvariant()}) has no thresholds; only Enabled can be overridden");
        }

        if (ov.HostGroup is not null)
        {
            var id = HostGroup.IdPrefix + ov.HostGroup;
            if (_topology.Find(id)?.Kind != HealthObjectKind.HostGroup)
            {
                errors.Add($"{at}:HostGroup: \"{ov.HostGroup}\" is not a defined host group");
                return null;
            }

            return id;
        }

        var target = _topology.Find(ov.ObjectId!);
        if (target is null)
        {
            errors.Add($"{at}:Object: \"{ov.ObjectId}\" is not a known object (an inventory id such as vc01/host-12)");
            return null;
        }

        if (target.Kind != definition.AppliesTo)
        {
            errors.Add($"{at}:Object: \"{ov.ObjectId}\" is a {target.Kind.ToString().ToLowerInvariant()}; monitor \"{ov.Monitor}\" applies to {definition.AppliesTo.ToString().ToLowerInvariant()} objects");
            return null;
        }

        return target.Id;
    }
}
