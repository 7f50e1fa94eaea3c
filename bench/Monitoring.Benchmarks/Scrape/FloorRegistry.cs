using System.Globalization;
using Prometheus;

namespace Monitoring.Benchmarks.Scrape;

/// <summary>The floor: a bare prometheus-net registry holding the same families, label names, label
/// values and values as ours, built from our exposition text by bench code. Serialising it runs no code
/// of the product.</summary>
internal static class FloorRegistry
{
    public static CollectorRegistry From(string exposition)
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var series = new List<(string Name, string[] Names, string[] Values, double Value)>();
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                help[parts[2]] = parts[3];
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
            }
            else
            {
                series.Add(Parse(line));
            }
        }

        var gauges = new Dictionary<string, Gauge>(StringComparer.Ordinal);
        var counters = new Dictionary<string, Counter>(StringComparer.Ordinal);
        foreach (var (name, names, values, value) in series)
        {
            if (types[name] == "counter")
            {
                if (!counters.TryGetValue(name, out var counter))
                {
                    counters[name] = counter = factory.CreateCounter(name, help[name], names);
                }

                if (names.Length == 0)
                {
                    counter.IncTo(value);
                }
                else
                {
                    counter.WithLabels(values).IncTo(value);
                }
            }
            else
            {
                if (!gauges.TryGetValue(name, out var gauge))
                {
                    gauges[name] = gauge = factory.CreateGauge(name, help[name], names);
                }

                if (names.Length == 0)
                {
                    gauge.Set(value);
                }
                else
                {
                    gauge.WithLabels(values).Set(value);
                }
            }
        }

        return registry;
    }

    /// <summary>One sample line; label values in this bench's estate hold no quotes or escapes.</summary>
    private static (string Name, string[] Names, string[] Values, double Value) Parse(string line)
    {
        var space = line.LastIndexOf(' ');
        var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0 || brace > space)
        {
            return (line[..space], [], [], value);
        }

        var names = new List<string>();
        var values = new List<string>();
        foreach (var pair in line[(brace + 1)..line.LastIndexOf('}')].Split("\",", StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            names.Add(pair[..equals]);
            values.Add(pair[(equals + 2)..].TrimEnd('"'));
        }

        return (line[..brace], [.. names], [.. values], value);
    }
}
