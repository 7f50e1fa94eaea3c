using System.Globalization;
using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>The thresholds of one threshold monitor on one object, after defaults and overrides.</summary>
/// <param name="Warning">The warning threshold (reached or passed: warning); null for no warning level.</param>
/// <param name="Critical">The critical threshold; null for no critical level.</param>
/// <param name="Direction">Which way the value goes bad.</param>
/// <param name="ConsecutiveSamples">How many samples in a row must agree before the state changes (default 3:
/// one minute of 20-second realtime samples).</param>
/// <param name="Hysteresis">How far back past a threshold the value must go before the state eases
/// (in the metric's unit; default 0). Stops a value hovering at a threshold from toggling the state.</param>
public sealed record ThresholdSettings(
    double? Warning,
    double? Critical,
    ThresholdDirection Direction = ThresholdDirection.Rising,
    int ConsecutiveSamples = ThresholdSettings.DefaultConsecutiveSamples,
    double Hysteresis = 0)
{
    public const int DefaultConsecutiveSamples = 3;

    /// <summary>The most samples a state change may wait for.</summary>
    public const int MaxConsecutiveSamples = 1000;

    /// <summary>Every reason these settings cannot work, for a value that can range over
    /// [<paramref name="minimum"/>, <paramref name="maximum"/>]; empty when they can.</summary>
    public IReadOnlyList<string> Problems(double minimum = double.NegativeInfinity, double maximum = double.PositiveInfinity)
    {
        var problems = new List<string>();
        if (Warning is null && Critical is null)
        {
            problems.Add("neither a warning nor a critical threshold is set");
        }

        CheckLevel(problems, "warning", Warning, minimum, maximum);
        CheckLevel(problems, "critical", Critical, minimum, maximum);
        if (Warning is { } w && Critical is { } c && double.IsFinite(w) && double.IsFinite(c))
        {
            if (Direction == ThresholdDirection.Rising && w >= c)
            {
                problems.Add($"warning {F(w)} must be below critical {F(c)} for a value where high is bad");
            }
            else if (Direction == ThresholdDirection.Falling && w <= c)
            {
                problems.Add($"warning {F(w)} must be above critical {F(c)} for a value where low is bad");
            }
        }

        if (ConsecutiveSamples is < 1 or > MaxConsecutiveSamples)
        {
            problems.Add($"consecutive samples {ConsecutiveSamples} must be between 1 and {MaxConsecutiveSamples}");
        }

        if (!double.IsFinite(Hysteresis) || Hysteresis < 0)
        {
            problems.Add($"hysteresis {F(Hysteresis)} must be zero or more");
        }

        return problems;
    }

    /// <summary>The state one sample points to, given the state the monitor is in now (hysteresis
    /// holds a state until the value is clearly past its threshold).</summary>
    public HealthState Classify(double value, HealthState current)
    {
        var sign = Direction == ThresholdDirection.Rising ? 1.0 : -1.0;
        if (Critical is { } critical)
        {
            var limit = current == HealthState.Critical ? critical - (sign * Hysteresis) : critical;
            if (sign * value >= sign * limit)
            {
                return HealthState.Critical;
            }
        }

        if (Warning is { } warning)
        {
            var holding = current is HealthState.Warning or HealthState.Critical;
            var limit = holding ? warning - (sign * Hysteresis) : warning;
            if (sign * value >= sign * limit)
            {
                return HealthState.Warning;
            }
        }

        return HealthState.Healthy;
    }

    internal static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void CheckLevel(List<string> problems, string name, double? level, double minimum, double maximum)
    {
        if (level is not { } v)
        {
            return;
        }

        if (!double.IsFinite(v))
        {
            problems.Add($"{name} threshold {F(v)} is not a number");
        }
        else if (v < minimum || v > maximum)
        {
            problems.Add($"{name} threshold {F(v)} can never be reached: the value ranges from {F(minimum)} to {F(maximum)}");
        }
    }
}
