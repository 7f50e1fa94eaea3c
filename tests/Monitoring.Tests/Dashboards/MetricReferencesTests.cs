using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.Dashboards;

/// <summary>Both ways between docs/metrics.md and what uses the metrics: every dashboard and rule query
/// names only documented metrics (and recorded series the rules define), every documented metric is
/// used or says why not, and the documented set is exactly what the exporter writes.</summary>
public sealed partial class MetricReferencesTests
{
    private const string UnusedSection = "## Metrics that no dashboard or rule uses";
    private const string RecordedSection = "## Recording rules";

    [Fact]
    public void Queries_DashboardsAndRules_NameOnlyDocumentedMetrics()
    {
        var docs = MetricsDoc.Load();
        var used = UsedNames();

        var undocumented = used.Keys.Where(n => n.StartsWith("virt_", StringComparison.Ordinal) && !docs.Metrics.Contains(n))
            .Select(n => $"{n} (in {used[n]})").ToList();
        var unknownRecorded = used.Keys.Where(n => n.Contains(":virt_", StringComparison.Ordinal) && !docs.Recorded.Contains(n))
            .Select(n => $"{n} (in {used[n]})").ToList();

        Assert.True(undocumented.Count == 0, "queries name metrics docs/metrics.md does not list: " + string.Join(", ", undocumented));
        Assert.True(unknownRecorded.Count == 0, "queries name recorded series docs/metrics.md does not list: " + string.Join(", ", unknownRecorded));
    }

    [Fact]
    public void DocumentedMetrics_EachUsedByADashboardOrRule_OrSaysWhyNot()
    {
        var docs = MetricsDoc.Load();
        var used = UsedNames();

        var neither = docs.Metrics.Where(m => !used.ContainsKey(m) && !docs.Unused.ContainsKey(m)).Order().ToList();
        var both = docs.Unused.Keys.Where(used.ContainsKey).Order().ToList();

        Assert.True(neither.Count == 0, $"documented but used by no dashboard or rule, and not listed under \"{UnusedSection}\": " + string.Join(", ", neither));
        Assert.True(both.Count == 0, "listed as unused but a dashboard or rule uses them: " + string.Join(", ", both));
        Assert.All(docs.Unused, u => Assert.False(string.IsNullOrWhiteSpace(u.Value), $"{u.Key}: no reason given"));
        Assert.All(docs.Recorded, r => Assert.True(used.ContainsKey(r), $"recorded series {r} is used by no dashboard or rule"));
    }

    [Fact]
    public void RecordedSeries_DocumentedExactlyAsTheRulesDefineThem()
    {
        var docs = MetricsDoc.Load();

        var defined = RuleExpressions().Where(r => r.Record is not null).Select(r => r.Record!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(defined.Order(), docs.Recorded.Order());
    }

    [Fact]
    public void DocumentedMetrics_EqualTheFamiliesTheExporterWrites()
    {
        var docs = MetricsDoc.Load();

        var written = File.ReadAllLines(TestFiles.PathOf("metrics/golden.prom"))
            .Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(written.Order(), docs.Metrics.Order());
    }

    /// <summary>Every metric or recorded-series name in a dashboard or rule query, with where it was first seen.</summary>
    private static Dictionary<string, string> UsedNames()
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (where, expression) in DashboardExpressions().Concat(RuleExpressions().Select(r => (r.Where, r.Expression))))
        {
            // Label values in quotes ("virt_..." in a regex) are not metric names.
            foreach (Match token in Identifier().Matches(QuotedString().Replace(expression, "\"\"")))
            {
                if (token.Value.StartsWith("virt_", StringComparison.Ordinal) || token.Value.Contains(":virt_", StringComparison.Ordinal))
                {
                    used.TryAdd(token.Value, where);
                }
            }
        }

        Assert.NotEmpty(used);
        return used;
    }

    private static IEnumerable<(string Where, string Expression)> DashboardExpressions()
    {
        var files = Directory.GetFiles(SourceTree.PathOf("dashboards/grafana"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var expression in Strings(document.RootElement, property: null))
            {
                yield return (Path.GetFileName(file), expression);
            }
        }
    }

    /// <summary>Query strings: panel targets' <c>expr</c> and template variables' <c>query</c>.</summary>
    private static IEnumerable<string> Strings(JsonElement element, string? property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var child in element.EnumerateObject())
                {
                    foreach (var s in Strings(child.Value, child.Name))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item, property))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.String when property is "expr" or "query":
                yield return element.GetString()!;
                break;
            default:
                break;
        }
    }

    private static List<(string Where, string? Record, string Expression)> RuleExpressions()
    {
        var rules = new List<(string, string?, string)>();
        foreach (var file in Directory.GetFiles(SourceTree.PathOf("dashboards/prometheus"), "*.yml"))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                yaml.Load(reader);
            }

            var groups = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"];
            foreach (var rule in groups.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>()))
            {
                var record = rule.Children.TryGetValue("record", out var r) ? ((YamlScalarNode)r).Value : null;
                rules.Add((Path.GetFileName(file), record, ((YamlScalarNode)rule["expr"]).Value!));
            }
        }

        Assert.NotEmpty(rules);
        return rules;
    }

    [GeneratedRegex("[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex QuotedString();

    /// <summary>What docs/metrics.md lists: metrics (first cell of its tables), recorded series, and the
    /// metrics no dashboard or rule uses with their reasons.</summary>
    private sealed partial record MetricsDoc(HashSet<string> Metrics, HashSet<string> Recorded, Dictionary<string, string> Unused)
    {
        public static MetricsDoc Load()
        {
            var metrics = new HashSet<string>(StringComparer.Ordinal);
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            var unused = new Dictionary<string, string>(StringComparer.Ordinal);
            var section = string.Empty;
            foreach (var line in File.ReadAllLines(SourceTree.PathOf("docs/metrics.md")))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    section = line;
                    continue;
                }

                if (!line.StartsWith('|'))
                {
                    continue;
                }

                var cells = line.Split('|');
                var names = BacktickedName().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
                foreach (var name in names)
                {
                    if (section == RecordedSection)
                    {
                        recorded.Add(name);
                    }
                    else if (section == UnusedSection)
                    {
                        unused[name] = cells[2].Trim();
                    }
                    else if (!name.Contains(':', StringComparison.Ordinal))
                    {
                        metrics.Add(name);
                    }
                }
            }

            Assert.NotEmpty(metrics);
            return new MetricsDoc(metrics, recorded, unused);
        }

        [GeneratedRegex("`((?:[a-z]+:)?virt_[a-z0-9_]+(?::[a-z]+)?)`")]
        private static partial Regex BacktickedName();
    }
}
