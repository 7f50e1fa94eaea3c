using Monitoring.IntegrationTests.Infrastructure;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>One scrape of the service's /metrics, with look-ups by metric name and label values.</summary>
internal sealed class ServiceMetrics
{
    public const string Success = "virt_collector_success";
    public const string LastSuccess = "virt_collector_last_success_timestamp_seconds";
    public const string Duration = "virt_collector_duration_seconds";
    public const string Errors = "virt_collector_errors_total";
    public const string Requests = "virt_collector_requests_total";
    public const string Buffered = "virt_storage_buffered_samples";
    public const string Dropped = "virt_storage_dropped_samples_total";
    public const string Written = "virt_storage_written_samples_total";

    public ServiceMetrics(string exposition) => Text = exposition;

    public string Text { get; }

    /// <summary>The value of the single series of <paramref name="metric"/> carrying all of
    /// <paramref name="labels"/>; null when there is none.</summary>
    public double? Value(string metric, params (string Name, string Value)[] labels)
    {
        var matches = Matching(metric, labels).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => Exposition.Value(matches[0]),
            _ => throw new InvalidOperationException($"{matches.Count} series of {metric} match; name more labels:\n{string.Join('\n', matches)}"),
        };
    }

    /// <summary>The sum over every series of <paramref name="metric"/> carrying all of <paramref name="labels"/>
    /// (0 when there is none): e.g. the errors of a target of any kind.</summary>
    public double Sum(string metric, params (string Name, string Value)[] labels) =>
        Matching(metric, labels).Sum(Exposition.Value);

    /// <summary>The series of <paramref name="metric"/> carrying all of <paramref name="labels"/>, as lines.</summary>
    public IEnumerable<string> Matching(string metric, params (string Name, string Value)[] labels) =>
        Exposition.Series(Text, metric).Where(line => labels.All(l => Exposition.Label(line, l.Name) == l.Value));

    /// <summary>A target's pass metric, e.g. <c>Pass(Success, "vc1", "inventory")</c>.</summary>
    public double? Pass(string metric, string target, string pass) => Value(metric, ("target", target), ("pass", pass));

    /// <summary>Failed passes of a target of one kind (<c>protocol</c>, <c>unreachable</c>, <c>timeout</c>, ...).</summary>
    public double ErrorsOf(string target, string pass, string kind) => Sum(Errors, ("target", target), ("pass", pass), ("kind", kind));

    /// <summary>The failed passes of <paramref name="target"/> counted here and not in <paramref name="earlier"/>,
    /// as <c>pass/kind</c> keys with how many more (empty when there were none): what went wrong in between.</summary>
    public Dictionary<string, double> NewErrors(ServiceMetrics earlier, string target)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in Matching(Errors, ("target", target)))
        {
            var (pass, kind) = (Exposition.Label(line, "pass")!, Exposition.Label(line, "kind")!);
            var more = Exposition.Value(line) - earlier.ErrorsOf(target, pass, kind);
            if (more > 0)
            {
                result[$"{pass}/{kind}"] = more;
            }
        }

        return result;
    }

    /// <summary>SOAP requests the service sent a target for <paramref name="method"/>.</summary>
    public double RequestsOf(string target, string method) => Sum(Requests, ("target", target), ("method", method));

    public override string ToString() => Text;
}
