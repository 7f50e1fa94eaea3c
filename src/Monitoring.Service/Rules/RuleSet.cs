using System.Globalization;
using Monitoring.Core.Configuration;

namespace Monitoring.Service.Rules;

/// <summary>The product's Prometheus rules, built from the configured thresholds: per-cluster rollups
/// and the <c>Virt...</c> alerts. <c>monitoring rules</c> writes them; dashboards/prometheus/virt-rules.yml
/// is their output for the default thresholds.</summary>
internal static class RuleSet
{
    public const string DefaultRunbookBaseUrl = "docs/runbooks/";

    private const string Running = "virt_vm_power_state == 1";

    public static IReadOnlyList<RuleGroup> Build(Thresholds thresholds, string runbookBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return [Rollups(), Alerts(thresholds, runbookBaseUrl)];
    }

    private static RuleGroup Rollups() => new(
        "virt-rollups",
        [
            new("cluster:virt_host_cpu_usage_ratio:avg", "avg by (target, cluster) (virt_host_cpu_usage_ratio)"),
            new("cluster:virt_host_memory_usage_ratio:avg", "avg by (target, cluster) (virt_host_memory_usage_ratio)"),
            new("cluster:virt_host_cpus:sum", "sum by (target, cluster) (virt_host_cpus)"),
            new("cluster:virt_host_memory_bytes:sum", "sum by (target, cluster) (virt_host_memory_bytes)"),
            new("cluster:virt_host_connected:sum", "sum by (target, cluster) (virt_host_connected)"),
            new("cluster:virt_vm_running:count", $"count by (target, cluster) ({Running})"),
            new("cluster:virt_vm_cpus_running:sum", $"sum by (target, cluster) (virt_vm_cpus and on (target, id) ({Running}))"),
            new("cluster:virt_vm_memory_bytes_running:sum", $"sum by (target, cluster) (virt_vm_memory_bytes and on (target, id) ({Running}))"),
            new("cluster:virt_vcpu_per_cpu:ratio", "cluster:virt_vm_cpus_running:sum / on (target, cluster) cluster:virt_host_cpus:sum"),
            new("cluster:virt_vm_memory_per_host_memory:ratio", "cluster:virt_vm_memory_bytes_running:sum / on (target, cluster) cluster:virt_host_memory_bytes:sum"),
            new("datastore:virt_datastore_used:ratio", "1 - virt_datastore_free_bytes / virt_datastore_capacity_bytes"),
        ],
        []);

    private static RuleGroup Alerts(Thresholds t, string runbookBaseUrl)
    {
        string Runbook(string alert) => runbookBaseUrl + RunbookPage(alert);
        var hostIs = "Host {{ $labels.host }} ({{ $labels.id }}, cluster \"{{ $labels.cluster }}\")";
        var pressure = PromDuration.Format(t.HostPressureFor);
        var free = "virt_datastore_free_bytes / virt_datastore_capacity_bytes";
        var alerts = new List<AlertRule>();
        foreach (var (severity, limit) in new[] { ("warning", t.HostCpuWarning), ("critical", t.HostCpuCritical) })
        {
            alerts.Add(new AlertRule(
                "VirtHostCpuPressure",
                $"virt_host_cpu_usage_ratio > {Number(limit)}",
                t.HostPressureFor,
                severity,
                $"Host {{{{ $labels.host }}}} CPU above {Percent(limit)} for {pressure}",
                $"{hostIs} of target {{{{ $labels.target }}}} is using {{{{ $value | humanizePercentage }}}} of its CPU, above {Percent(limit)} for {pressure}. Its VMs wait for CPU.",
                Runbook("VirtHostCpuPressure")));
        }

        foreach (var (severity, limit) in new[] { ("warning", t.HostMemoryWarning), ("critical", t.HostMemoryCritical) })
        {
            alerts.Add(new AlertRule(
                "VirtHostMemoryPressure",
                $"virt_host_memory_usage_ratio > {Number(limit)}",
                t.HostPressureFor,
                severity,
                $"Host {{{{ $labels.host }}}} memory above {Percent(limit)} for {pressure}",
                $"{hostIs} of target {{{{ $labels.target }}}} is using {{{{ $value | humanizePercentage }}}} of its memory, above {Percent(limit)} for {pressure}. The hypervisor will balloon, compress or swap VM memory.",
                Runbook("VirtHostMemoryPressure")));
        }

        var lookback = PromDuration.Format(t.VmDownLookback);
        alerts.Add(new AlertRule(
            "VirtVmDown",
            $"virt_vm_power_state != 1 and on (target, id) max_over_time((virt_vm_power_state == bool 1)[{lookback}:1m]) == 1",
            TimeSpan.Zero,
            "critical",
            "VM {{ $labels.vm }} is down",
            $"VM {{{{ $labels.vm }}}} ({{{{ $labels.id }}}}, target {{{{ $labels.target }}}}) was running within the last {lookback} and is not running now (power state {{{{ $value }}}}: 2 off, 3 suspended, 0 unknown). The alert clears when it runs again, or {lookback} after it stopped (then it counts as intentionally off).",
            Runbook("VirtVmDown")));
        alerts.Add(new AlertRule(
            "VirtVmHeartbeatLost",
            $"virt_vm_heartbeat == 3 and on (target, id) ({Running})",
            t.VmHeartbeatLostFor,
            "warning",
            "VM {{ $labels.vm }} guest heartbeat lost",
            $"VM {{{{ $labels.vm }}}} ({{{{ $labels.id }}}}, target {{{{ $labels.target }}}}) is powered on but its guest has sent no heartbeat for {PromDuration.Format(t.VmHeartbeatLostFor)}: the guest OS may hang.",
            Runbook("VirtVmHeartbeatLost")));

        var within = PromDuration.Format(t.DatastoreFullWithin);
        alerts.Add(new AlertRule(
            "VirtDatastoreFillingUp",
            $"({free} < {Number(t.DatastoreFreeWarning)}) and predict_linear(virt_datastore_free_bytes[{PromDuration.Format(t.DatastoreTrend)}], {(long)t.DatastoreFullWithin.TotalSeconds}) < 0",
            TimeSpan.FromMinutes(30),
            "warning",
            $"Datastore {{{{ $labels.datastore }}}} predicted to fill within {within}",
            $"Datastore {{{{ $labels.datastore }}}} ({{{{ $labels.id }}}}, target {{{{ $labels.target }}}}) has {{{{ $value | humanizePercentage }}}} free, below {Percent(t.DatastoreFreeWarning)}, and at the rate of the last {PromDuration.Format(t.DatastoreTrend)} it fills up within {within}. VMs on a full datastore stop.",
            Runbook("VirtDatastoreFillingUp")));
        alerts.Add(new AlertRule(
            "VirtDatastoreAlmostFull",
            $"{free} < {Number(t.DatastoreFreeCritical)}",
            TimeSpan.FromMinutes(5),
            "critical",
            $"Datastore {{{{ $labels.datastore }}}} less than {Percent(t.DatastoreFreeCritical)} free",
            $"Datastore {{{{ $labels.datastore }}}} ({{{{ $labels.id }}}}, target {{{{ $labels.target }}}}) has only {{{{ $value | humanizePercentage }}}} of its capacity free. VMs that grow on it will stop.",
            Runbook("VirtDatastoreAlmostFull")));

        alerts.Add(new AlertRule(
            "VirtCollectorFailing",
            "virt_collector_success == 0",
            t.CollectorFailingFor,
            "critical",
            "Target {{ $labels.target }}: {{ $labels.pass }} passes fail",
            $"The last {{{{ $labels.pass }}}} pass of target {{{{ $labels.target }}}} failed and it has kept failing for {PromDuration.Format(t.CollectorFailingFor)}. Its values on /metrics are not current; virt_collector_errors_total says why (unreachable, timeout, certificate, authentication, ...).",
            Runbook("VirtCollectorFailing")));
        var stale = PromDuration.Format(t.CollectorStaleAfter);
        alerts.Add(new AlertRule(
            "VirtCollectorStale",
            $"time() - virt_collector_last_success_timestamp_seconds > {(long)t.CollectorStaleAfter.TotalSeconds}",
            TimeSpan.Zero,
            "warning",
            "Target {{ $labels.target }}: no successful {{ $labels.pass }} pass for " + stale,
            $"No {{{{ $labels.pass }}}} pass of target {{{{ $labels.target }}}} has succeeded for {{{{ $value | humanizeDuration }}}} (more than {stale}): its values are stale, whether passes fail or no longer run.",
            Runbook("VirtCollectorStale")));
        return new RuleGroup("virt-alerts", [], alerts);
    }

    /// <summary>The runbook page of an alert: <c>VirtHostCpuPressure</c> becomes <c>virt-host-cpu-pressure.md</c>.</summary>
    public static string RunbookPage(string alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var page = new System.Text.StringBuilder();
        foreach (var c in alert)
        {
            if (char.IsUpper(c) && page.Length > 0)
            {
                page.Append('-');
            }

            page.Append(char.ToLowerInvariant(c));
        }

        return page.Append(".md").ToString();
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
