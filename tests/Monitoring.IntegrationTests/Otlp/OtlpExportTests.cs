using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Otlp;

/// <summary><c>monitoring run</c> against the simulator with OTLP export on: a receiver decodes the export
/// with OpenTelemetry's own decoder, over gRPC and http/protobuf, after refusing the first one as a
/// transient failure (the exporter retries the same payload).</summary>
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData("grpc", "application/grpc")]
    [InlineData("http/protobuf", "application/x-protobuf")]
    public async Task Run_OtlpConfigured_ReceiverDecodesTheSameMetricsAfterARetry(string protocol, string contentType)
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1");
        var expected = await PyVmomi.InventoryAsync(simulator, "vc1");
        await using var receiver = await OtlpReceiver.StartAsync(rejectFirst: 1);
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 60 },
                Otlp = new { Endpoint = (protocol == "grpc" ? receiver.GrpcEndpoint : receiver.HttpEndpoint).ToString(), Protocol = protocol, ExportIntervalSeconds = 2 },
                Targets = new[] { Workspace.Target("vc1", simulator) },
            },
        });

        await using var service = await ServiceProcess.StartAsync(
            workspace.Directory,
            workspace.ConfigPath,
            url,
            new Dictionary<string, string> { ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=integration-test" });
        var hosts = expected.GetProperty("hosts").EnumerateArray().ToList();
        var vms = expected.GetProperty("vms").EnumerateArray().ToList();
        var accepted = await receiver.WaitForAsync(
            r => !r.GetProperty("rejected").GetBoolean() &&
                 DataPoints(r, "virt_host_memory_bytes").Count == hosts.Count &&
                 DataPoints(r, "virt_vm_power_state").Count == vms.Count &&
                 DataPoints(r, "virt_host_cpu_usage_ratio").Count == hosts.Count,
            TimeSpan.FromSeconds(90));

        // Retry: the refused export is sent again, byte for byte the same data (a later periodic export
        // would carry new timestamps).
        var requests = receiver.Requests;
        Assert.True(requests[0].GetProperty("rejected").GetBoolean());
        Assert.False(requests[1].GetProperty("rejected").GetBoolean());
        Assert.Equal(requests[0].GetProperty("request").GetRawText(), requests[1].GetProperty("request").GetRawText());

        Assert.All(requests, r => Assert.StartsWith(contentType, r.GetProperty("contentType").GetString(), StringComparison.Ordinal));
        var resource = Attributes(accepted.GetProperty("request").GetProperty("resourceMetrics")[0].GetProperty("resource"));
        Assert.Equal("monitoring", resource["service.name"]);
        Assert.Equal("integration-test", resource["deployment.environment"]);
        var scope = accepted.GetProperty("request").GetProperty("resourceMetrics")[0].GetProperty("scopeMetrics")[0];
        Assert.Equal("Monitoring", scope.GetProperty("scope").GetProperty("name").GetString());

        // Names and values: the same as /metrics, per object id, and as pyvmomi reads the simulator.
        foreach (var host in hosts)
        {
            var point = Assert.Single(DataPoints(accepted, "virt_host_memory_bytes"), p => p.Attributes["id"] == host.GetProperty("id").GetString());
            Assert.Equal(host.GetProperty("memoryBytes").GetInt64(), point.Value);
            Assert.Equal(host.GetProperty("cluster").GetString() ?? string.Empty, point.Attributes["cluster"]);
        }

        foreach (var vm in vms)
        {
            var point = Assert.Single(DataPoints(accepted, "virt_vm_power_state"), p => p.Attributes["id"] == vm.GetProperty("id").GetString());
            Assert.Equal(vm.GetProperty("powerState").GetString() == "poweredOn" ? 1 : 2, point.Value);
        }

        // Every metric that has series on /metrics is exported, under the same name.
        var exposition = await service.GetAsync("/metrics");
        var names = Metrics(accepted).Select(m => m.GetProperty("name").GetString()!).ToHashSet();
        foreach (var family in exposition.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]))
        {
            if (Exposition.Series(exposition, family).Count > 0)
            {
                Assert.Contains(family, names);
            }
        }

        var requestsTotal = Assert.Single(Metrics(accepted), m => m.GetProperty("name").GetString() == "virt_collector_requests_total");
        Assert.True(requestsTotal.GetProperty("sum").GetProperty("isMonotonic").GetBoolean());
        Assert.Equal("By", Assert.Single(Metrics(accepted), m => m.GetProperty("name").GetString() == "virt_datastore_free_bytes").GetProperty("unit").GetString());
    }

    private static IEnumerable<JsonElement> Metrics(JsonElement received) =>
        received.GetProperty("request").GetProperty("resourceMetrics").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeMetrics").EnumerateArray())
            .SelectMany(s => s.TryGetProperty("metrics", out var m) ? m.EnumerateArray() : Enumerable.Empty<JsonElement>());

    private static List<(Dictionary<string, string> Attributes, double Value)> DataPoints(JsonElement received, string name)
    {
        var metric = Metrics(received).FirstOrDefault(m => m.GetProperty("name").GetString() == name);
        if (metric.ValueKind == JsonValueKind.Undefined)
        {
            return [];
        }

        var data = metric.TryGetProperty("gauge", out var gauge) ? gauge : metric.GetProperty("sum");
        return [.. data.GetProperty("dataPoints").EnumerateArray().Select(p => (Attributes(p), p.GetProperty("asDouble").GetDouble()))];
    }

    private static Dictionary<string, string> Attributes(JsonElement owner) =>
        owner.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value").TryGetProperty("stringValue", out var s) ? s.GetString() ?? string.Empty : string.Empty)
            : [];
}
