using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;

namespace Monitoring.IntegrationTests.WebConsole;

/// <summary>One service run for the console's browser tests: the simulator as target <c>vc1</c>, a second
/// target that never answers (<c>dead1</c>, so collector status has an error to show and, with
/// <c>Thresholds:CollectorFailingMinutes</c> 0, a real <c>VirtTargetUnreachable</c> within seconds), the simulator's
/// cluster in host group <c>prod</c>, keys of each role, and headless Debian Chromium driven by Playwright.</summary>
public sealed class ConsoleService : IAsyncLifetime
{
    private SimulatorProcess? _simulator;
    private ServiceProcess? _service;
    private IPlaywright? _playwright;

    internal Workspace Workspace { get; } = new();

    internal SimulatorProcess Simulator => _simulator ?? throw new InvalidOperationException("not started");

    internal ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

    internal IBrowser Browser { get; private set; } = null!;

    /// <summary>The host group the configuration defines (holding the simulator's cluster).</summary>
    internal const string HostGroup = "prod";

    internal string ReaderKey { get; private set; } = string.Empty;

    internal string OperatorKey { get; private set; } = string.Empty;

    internal string AdminKey { get; private set; } = string.Empty;

    /// <summary>Where the tests leave their screenshots (beside the test assembly, under TestResults).</summary>
    internal static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "console");

    public async Task InitializeAsync()
    {
        _simulator = await Infrastructure.Simulator.StartAsync(["-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1"]);
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        // The cluster's id as an independent client reads it, for the host group (ids are the service's "target/moref").
        var cluster = (await PyVmomi.InventoryAsync(_simulator, "vc1")).GetProperty("clusters")[0].GetProperty("id").GetString()!;
        var dead = new Uri($"https://127.0.0.1:{ServiceProcess.FreePort()}/sdk"); // nothing listens there
        Workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 300 },
                Thresholds = new { CollectorFailingMinutes = 0 }, // the shortest allowed: dead1 is unreachable at its first failed poll
                Health = new { HostGroups = new[] { new { Name = HostGroup, Members = new[] { cluster } } } },
                Targets = new object[]
                {
                    Workspace.Target("vc1", _simulator),
                    new Dictionary<string, object?>
                    {
                        ["Name"] = "dead1", ["Kind"] = "vSphere", ["Address"] = dead.ToString(), ["Username"] = "u", ["Password"] = "p",
                        ["Thumbprint"] = _simulator.Endpoint.Thumbprint, ["TimeoutSeconds"] = 5,
                    },
                },
            },
        });
        ReaderKey = await Workspace.CreateApiKeyAsync("console-reader", "reader");
        OperatorKey = await Workspace.CreateApiKeyAsync("console-operator", "operator");
        AdminKey = await Workspace.CreateApiKeyAsync("console-admin", "admin");
        _service = await ServiceProcess.StartAsync(Workspace.Directory, Workspace.ConfigPath, url);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await GetAsync("/api/v1/vms"))["items"]!.AsArray().Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no VMs collected:\n{Service.Stderr}");
            }

            await Task.Delay(500);
        }

        await WaitForHealthTreeAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium (scripts/install-peers.sh); Playwright's own browser download is never used.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>What the simulator holds, read by pyvmomi (an independent client).</summary>
    internal Task<JsonElement> SimulatorInventoryAsync() => PyVmomi.InventoryAsync(Simulator, "vc1");

    /// <summary>A GET of the API with the admin key, parsed.</summary>
    internal async Task<JsonNode> GetAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Service.BaseUrl, pathAndQuery));
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await Service.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Waits until the health engine answers (it is 503 for a moment after start) and holds the host group.</summary>
    private async Task WaitForHealthTreeAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Service.BaseUrl, "/api/v1/health?kind=hostGroup"));
            request.Headers.Add("X-Api-Key", AdminKey);
            using var response = await Service.Http.SendAsync(request);
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains($"group:{HostGroup}", StringComparison.Ordinal))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the health tree has no host group {HostGroup}: {(int)response.StatusCode}\n{Service.Stderr}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>A fresh browser page (own context: own sessionStorage) at the given size, collecting console errors.</summary>
    internal async Task<ConsolePage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Service.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return new ConsolePage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
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
