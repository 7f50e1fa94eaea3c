using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>Watches one metric of one object against warning and critical thresholds.</summary>
/// <remarks>The state changes only after <see cref="ThresholdSettings.ConsecutiveSamples"/> samples in a row
/// all point away from the current state in the same direction; it then moves to the level all of them
/// reach (three samples at warning, critical, critical escalate to warning). A sample that agrees with the
/// current state breaks the run. From Unknown, the first healthy sample makes the monitor healthy at once:
/// there is nothing to debounce; a bad state still needs the full run.</remarks>
public sealed class ThresholdMonitor : UnitMonitor
{
    private readonly Queue<HealthState> _run = new();

    public ThresholdMonitor(string objectId, string name, string metric, ThresholdSettings settings)
        : base(objectId, name)
    {
        Metric = metric;
        Settings = settings;
    }

    public string Metric { get; }

    public ThresholdSettings Settings { get; private set; }

    /// <summary>Takes new settings (an override changed); the run so far starts again.</summary>
    public void Reconfigure(ThresholdSettings settings)
    {
        Settings = settings;
        _run.Clear();
    }

    public MonitorTransition? Observe(double value, DateTimeOffset at)
    {
        var level = Settings.Classify(value, State);
        if (State == HealthState.Unknown && level == HealthState.Healthy)
        {
            return MoveTo(HealthState.Healthy, at, $"{Metric} {ThresholdSettings.F(value)} within thresholds");
        }

        if (level == State)
        {
            _run.Clear();
            return null;
        }

        _run.Enqueue(level);
        while (_run.Count > Settings.ConsecutiveSamples)
        {
            _run.Dequeue();
        }

        if (_run.Count < Settings.ConsecutiveSamples)
        {
            return null;
        }

        var baseline = State == HealthState.Unknown ? HealthState.Healthy : State;
        HealthState target;
        if (_run.All(l => (int)l > (int)baseline))
        {
            target = _run.Min();
        }
        else if (_run.All(l => (int)l < (int)baseline))
        {
            target = _run.Max();
        }
        else
        {
            return null;
        }

        _run.Clear();
        return MoveTo(target, at, Describe(value, target));
    }

    private string Describe(double value, HealthState target)
    {
        var samples = Settings.ConsecutiveSamples == 1 ? "1 sample" : $"{Settings.ConsecutiveSamples} consecutive samples";
        var verb = Settings.Direction == ThresholdDirection.Rising ? "at or above" : "at or below";
        var easing = Settings.Direction == ThresholdDirection.Rising ? "below" : "above";
        var latest = $"{Metric} {ThresholdSettings.F(value)}";
        return target switch
        {
            HealthState.Critical => $"{latest}: {verb} critical {ThresholdSettings.F(Settings.Critical ?? 0)} for {samples}",
            HealthState.Warning when (int)State < (int)HealthState.Warning =>
                $"{latest}: {verb} warning {ThresholdSettings.F(Settings.Warning ?? 0)} for {samples}",
            HealthState.Warning => $"{latest}: back {easing} critical {ThresholdSettings.F(Settings.Critical ?? 0)}{Margin()} for {samples}",
            _ => $"{latest}: back {easing} warning {ThresholdSettings.F(Settings.Warning ?? Settings.Critical ?? 0)}{Margin()} for {samples}",
        };
    }

    private string Margin() => Settings.Hysteresis > 0 ? $" by more than {ThresholdSettings.F(Settings.Hysteresis)}" : string.Empty;
}
