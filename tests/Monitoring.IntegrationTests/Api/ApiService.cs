using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;

namespace Monitoring.IntegrationTests.Api;

/// <summary>One service run for the API tests: the simulator as its target, three keys (reader, operator,
/// admin) made with <c>monitoring apikey create</c> before start, and inventory collected once.</summary>
public sealed class ApiService : IAsyncLifetime
{
    private readonly List<string> _cliStderr = [];
    private SimulatorProcess? _simulator;
    private ServiceProcess? _service;

    internal Workspace Workspace { get; } = new();

    internal ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

    internal string ReaderKey { get; private set; } = string.Empty;

    internal string OperatorKey { get; private set; } = string.Empty;

    internal string AdminKey { get; private set; } = string.Empty;

    internal string DatabasePath => Path.Combine(Workspace.Directory, "data", "monitoring.db");

    /// <summary>Everything the command-line runs of this fixture wrote to stderr.</summary>
    internal string CliStderr
    {
        get
        {
            lock (_cliStderr)
            {
                return string.Join('\n', _cliStderr);
            }
        }
    }

    internal string KeyOf(string role) => role switch
    {
        "reader" => ReaderKey,
        "operator" => OperatorKey,
        "admin" => AdminKey,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    public async Task InitializeAsync()
    {
        _simulator = await Simulator.StartAsync(["-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1"]);
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        Workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 300 },
                Targets = new[] { Workspace.Target("vc1", _simulator) },
            },
        });
        ReaderKey = await CreateKeyAsync("ops-reader", "reader");
        OperatorKey = await CreateKeyAsync("ops-operator", "operator");
        AdminKey = await CreateKeyAsync("ops-admin", "admin");
        _service = await ServiceProcess.StartAsync(Workspace.Directory, Workspace.ConfigPath, url, extraArguments: ["--verbose"]);

        // Every list has something in it before any test asks.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        foreach (var list in new[] { "hosts", "vms", "clusters", "datastores" })
        {
            while ((await ListAsync(list)).Count == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"no {list} collected:\n{Service.Stderr}");
                }

                await Task.Delay(500);
            }
        }
    }

    /// <summary>Runs the command line against this fixture's configuration, keeping its stderr for the log scan.</summary>
    internal async Task<CliResult> CliAsync(params string[] arguments)
    {
        var result = await Cli.RunAsync(Workspace.Directory, [.. arguments, "--config", Workspace.ConfigPath, "--verbose"]);
        lock (_cliStderr)
        {
            _cliStderr.Add(result.Stderr);
        }

        return result;
    }

    /// <summary><c>apikey create</c>: the key is the last line of stdout.</summary>
    internal async Task<string> CreateKeyAsync(string name, string role)
    {
        var result = await CliAsync("apikey", "create", "--name", name, "--role", role);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    internal async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? key, string? jsonBody = null, string header = "X-Api-Key")
    {
        using var request = new HttpRequestMessage(method, new Uri(Service.BaseUrl, pathAndQuery));
        if (key is not null)
        {
            if (header == "Authorization")
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                request.Headers.Add(header, key);
            }
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return await Service.Http.SendAsync(request);
    }

    /// <summary>Stores an open alert on the target straight into the database (as the engine would) and returns its id.</summary>
    internal long StoreAlert()
    {
        var database = Monitoring.Storage.MonitoringDatabase.Sqlite($"Data Source={DatabasePath}", Workspace.Directory);
        var now = DateTimeOffset.UtcNow;
        return new Monitoring.Storage.HealthStores.EfAlertStore(database, TimeProvider.System).Add(new Monitoring.HealthModel.Alerts.Alert
        {
            Name = "VirtTestAlert",
            Description = "stored by the test",
            Severity = Monitoring.HealthModel.Alerts.AlertSeverity.Warning,
            Priority = Monitoring.HealthModel.Alerts.AlertPriority.Normal,
            ObjectId = "target:vc1",
            Source = "test." + Guid.NewGuid().ToString("N"),
            RaisedAt = now,
            LastModifiedAt = now,
        }).Id;
    }

    /// <summary>Raises a fresh Active tip in the service's database (as a balancer pass would) and returns its id.</summary>
    internal string StoreTip()
    {
        var database = Monitoring.Storage.MonitoringDatabase.Sqlite($"Data Source={DatabasePath}", Workspace.Directory);
        var vm = "vc1/vm-" + Guid.NewGuid().ToString("N");
        var lifecycle = new Monitoring.Remediation.Tips.TipLifecycle(new Monitoring.Storage.TipStores.EfTipStore(database), TimeProvider.System);
        return lifecycle.Reconcile($"test/{vm}/", [new Monitoring.Remediation.Tips.TipCandidate(
            $"test/{vm}/start", "test", vm, null, Monitoring.Remediation.Tips.TipAction.StartVm(vm), "Start it", "stopped", "walk", "running", 3)], "test")[0].Id;
    }

    /// <summary>The items of <c>GET /api/v1/LIST</c> (admin key).</summary>
    internal async Task<JsonArray> ListAsync(string list, string query = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/{list}{query}", AdminKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{list}{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["items"]!.AsArray();
    }

    internal async Task<string> FirstIdAsync(string list) => (await ListAsync(list))[0]!["id"]!.GetValue<string>();

    internal static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty body");

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        Workspace.Dispose();
    }
}
