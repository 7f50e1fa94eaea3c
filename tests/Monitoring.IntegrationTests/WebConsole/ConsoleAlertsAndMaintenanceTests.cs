using Microsoft.Playwright;
using Xunit;

namespace Monitoring.IntegrationTests.WebConsole;

/// <summary>The console's alert, maintenance and health sections in real headless Chromium against the service's real
/// endpoints: a real <c>VirtTargetUnreachable</c> (target <c>dead1</c> never answers) acknowledged and closed from the
/// page, a maintenance window started and ended from the page, the host group of the configuration on the estate. What
/// the page shows is checked against the API, and what the page did is checked through the API.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class ConsoleAlertsAndMaintenanceTests
{
    private const string Operator = "key:console-operator"; // how the API names the actor of a key
    private static readonly LocatorAssertionsToHaveAttributeOptions s_wait = new() { Timeout = 30_000 };

    private readonly ConsoleService _console;

    public ConsoleAlertsAndMaintenanceTests(ConsoleService console) => _console = console;

    [Fact]
    public async Task Alert_AcknowledgedThenClosedFromThePage_ChangesOnThePageAndInTheApi()
    {
        var id = await OpenUnreachableAlertAsync();
        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.OperatorKey);
        await console.GoAsync("#/alerts");
        var row = console.Page.Locator($"tr[data-alert-id='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("VirtTargetUnreachable");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-resolution", "New");
        await Assertions.Expect(row.Locator("a")).ToHaveTextAsync("target:dead1");
        await Assertions.Expect(row.Locator("a")).ToHaveAttributeAsync("href", "#/collectors"); // a target has no page of its own
        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("07-alerts-operator");

        await row.Locator("button[data-action='acknowledge']").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-resolution", "Acknowledged", s_wait);
        await Assertions.Expect(row.Locator("td.resolution")).ToHaveTextAsync("Acknowledged");
        Assert.Equal(0, await row.Locator("button[data-action='acknowledge']").CountAsync()); // done once

        // A reader sees the same alert, acknowledged, and no action on it.
        await using (var reader = await _console.OpenAsync())
        {
            await reader.SignInAsync(_console.ReaderKey);
            await reader.GoAsync("#/alerts");
            await Assertions.Expect(reader.Page.Locator($"tr[data-alert-id='{id}']")).ToHaveAttributeAsync("data-resolution", "Acknowledged");
            Assert.Equal(0, await reader.Page.Locator("[data-action]").CountAsync());
            Assert.DoesNotContain("Actions", await reader.Page.Locator("table thead").First.InnerTextAsync(), StringComparison.Ordinal);
            await reader.ScreenshotAsync("08-alerts-reader");
            reader.AssertNoErrors();
        }

        var acknowledged = await _console.GetAsync($"/api/v1/alerts/{id}");
        Assert.Equal(("open", 249), (acknowledged["state"]!.GetValue<string>(), acknowledged["resolutionState"]!.GetValue<int>()));
        Assert.Contains(acknowledged["comments"]!.AsArray(), c => c!["author"]!.GetValue<string>() == Operator);

        await row.Locator("button[data-action='close']").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 30_000 }); // the open list no longer holds it
        var closed = await _console.GetAsync($"/api/v1/alerts/{id}");
        Assert.Equal(("closed", 255, Operator), (closed["state"]!.GetValue<string>(), closed["resolutionState"]!.GetValue<int>(), closed["resolvedBy"]!.GetValue<string>()));
        console.AssertNoErrors();
    }

    [Fact]
    public async Task MaintenanceWindow_StartedFromThePage_ShowsInTheApiAndOnTheHost_AndEndingItRemovesIt()
    {
        var simulatorHost = (await _console.SimulatorInventoryAsync()).GetProperty("hosts")[0];
        var host = simulatorHost.GetProperty("id").GetString()!;
        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.OperatorKey);
        await console.GoAsync("#/maintenance");
        var form = console.Page.Locator("form[data-action='start-maintenance']");
        await form.Locator("#mw-kind").SelectOptionAsync("object");
        await form.Locator("#mw-subject").FillAsync(host);
        await form.Locator("#mw-minutes").FillAsync("30");
        await form.Locator("#mw-reason").FillAsync("firmware update (console test)");
        await form.Locator("button[type='submit']").ClickAsync();
        var row = console.Page.Locator("tr[data-window-id]", new() { HasText = host });
        await Assertions.Expect(row).ToContainTextAsync("firmware update (console test)", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync(Operator);
        await Assertions.Expect(row.Locator("th")).ToHaveTextAsync($"{simulatorHost.GetProperty("name").GetString()} ({host})");
        var windowId = (await row.GetAttributeAsync("data-window-id"))!;

        // The API holds the same window, for about the 30 minutes asked.
        var window = (await _console.GetAsync("/api/v1/maintenance")).AsArray().Single(w => w!["id"]!.GetValue<string>() == windowId)!;
        Assert.Equal((host, "firmware update (console test)", Operator), (window["object"]!.GetValue<string>(), window["reason"]!.GetValue<string>(), window["createdBy"]!.GetValue<string>()));
        Assert.InRange(window["to"]!.GetValue<DateTimeOffset>() - window["from"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(29.9), TimeSpan.FromMinutes(30.1));
        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("09-maintenance-operator");

        // The host is in maintenance in the health tree, on its page and on the estate.
        await WaitForAsync($"{host} in maintenance in the health tree", async () => (await _console.GetAsync($"/api/v1/health/{host}"))["inMaintenance"]!.GetValue<bool>());
        await console.GoAsync($"#/host/{Uri.EscapeDataString(host)}");
        await Assertions.Expect(console.Page.Locator("#in-maintenance")).ToBeVisibleAsync();
        await Assertions.Expect(console.Page.Locator("dl.facts")).ToContainTextAsync("In maintenanceyes");
        await console.GoAsync("#/estate");
        await Assertions.Expect(console.Page.Locator($"tr[data-host-id='{host}'] .badge.maintenance")).ToBeVisibleAsync();
        await console.ScreenshotAsync("10-estate-maintenance");

        // A reader sees the window but cannot end it (nor start one).
        await using (var reader = await _console.OpenAsync())
        {
            await reader.SignInAsync(_console.ReaderKey);
            await reader.GoAsync("#/maintenance");
            await Assertions.Expect(reader.Page.Locator($"tr[data-window-id='{windowId}']")).ToContainTextAsync(host);
            Assert.Equal(0, await reader.Page.Locator("[data-action]").CountAsync());
            reader.AssertNoErrors();
        }

        await console.GoAsync("#/maintenance");
        await console.Page.Locator($"tr[data-window-id='{windowId}'] button[data-action='end-maintenance']").ClickAsync();
        await Assertions.Expect(console.Page.Locator($"tr[data-window-id='{windowId}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.DoesNotContain((await _console.GetAsync("/api/v1/maintenance")).AsArray(), w => w!["id"]!.GetValue<string>() == windowId);
        await WaitForAsync($"{host} out of maintenance", async () => !(await _console.GetAsync($"/api/v1/health/{host}"))["inMaintenance"]!.GetValue<bool>());
        await console.GoAsync($"#/host/{Uri.EscapeDataString(host)}");
        await Assertions.Expect(console.Page.Locator("dl.facts")).ToContainTextAsync("In maintenanceno");
        Assert.Equal(0, await console.Page.Locator("#in-maintenance").CountAsync());
        console.AssertNoErrors();
    }

    [Fact]
    public async Task Estate_ShowsTheHostGroupsOfTheHealthTree_WithTheirState()
    {
        var groups = (await _console.GetAsync("/api/v1/health?kind=hostGroup"))["items"]!.AsArray();
        var prod = Assert.Single(groups)!;
        Assert.Equal(ConsoleService.HostGroup, prod["name"]!.GetValue<string>());

        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.ReaderKey);
        var row = console.Page.Locator($"tr[data-host-group='{prod["object"]!.GetValue<string>()}']");
        await Assertions.Expect(row.Locator("th")).ToHaveTextAsync(ConsoleService.HostGroup);
        // The state may move between the two reads (a monitor changing): the page's must be one the API gives now.
        var shown = await row.GetAttributeAsync("data-health");
        var now = (await _console.GetAsync($"/api/v1/health/{prod["object"]!.GetValue<string>()}"))["state"]!.GetValue<string>();
        Assert.Contains(shown, new[] { prod["state"]!.GetValue<string>(), now });
        await Assertions.Expect(row.Locator(".badge").First).ToHaveTextAsync(shown!);
        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("11-estate-health");
        console.AssertNoErrors();
    }

    /// <summary>The id of the open <c>VirtTargetUnreachable</c> on <c>target:dead1</c>.</summary>
    private async Task<long> OpenUnreachableAlertAsync()
    {
        long id = 0;
        await WaitForAsync("VirtTargetUnreachable on target:dead1 in GET /api/v1/alerts", async () =>
        {
            var alert = (await _console.GetAsync("/api/v1/alerts?state=open"))["items"]!.AsArray()
                .FirstOrDefault(a => a!["name"]!.GetValue<string>() == "VirtTargetUnreachable" && a["object"]!.GetValue<string>() == "target:dead1");
            id = alert?["id"]!.GetValue<long>() ?? 0;
            return alert is not null;
        });
        return id;
    }

    private async Task WaitForAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}:\n{_console.Service.Stderr}");
            await Task.Delay(500);
        }
    }
}
