using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitoring.Service.Rules;

/// <summary>Writes rule groups as a Prometheus rules file (YAML).</summary>
/// <remarks>Every string is written as a double-quoted scalar in JSON's escaping, which YAML reads as
/// written: no PromQL character or template brace can change the document's structure.</remarks>
internal static class RulesYamlWriter
{
    private static readonly JsonSerializerOptions s_quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<RuleGroup> groups, string header)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var yaml = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            yaml.Append("# ").Append(line).Append('\n');
        }

        yaml.Append("groups:\n");
        foreach (var group in groups)
        {
            yaml.Append("  - name: ").Append(Quote(group.Name)).Append('\n');
            yaml.Append("    rules:\n");
            foreach (var record in group.Records)
            {
                yaml.Append("      - record: ").Append(Quote(record.Record)).Append('\n');
                yaml.Append("        expr: ").Append(Quote(record.Expression)).Append('\n');
            }

            foreach (var alert in group.Alerts)
            {
                yaml.Append("      - alert: ").Append(Quote(alert.Name)).Append('\n');
                yaml.Append("        expr: ").Append(Quote(alert.Expression)).Append('\n');
                if (alert.For > TimeSpan.Zero)
                {
                    yaml.Append("        for: ").Append(PromDuration.Format(alert.For)).Append('\n');
                }

                yaml.Append("        labels:\n");
                yaml.Append("          severity: ").Append(Quote(alert.Severity)).Append('\n');
                yaml.Append("        annotations:\n");
                yaml.Append("          summary: ").Append(Quote(alert.Summary)).Append('\n');
                yaml.Append("          description: ").Append(Quote(alert.Description)).Append('\n');
                yaml.Append("          runbook_url: ").Append(Quote(alert.Runbook)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, s_quoting);
}
