using Microsoft.Playwright;
using Monitoring.IntegrationTests.Remediation;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.WebConsole;

/// <summary>The PRO tips window in real headless Chromium: a migration tip the balancer raised for a piled-up cluster
/// of the simulator is implemented from the page, and its row's status changes from Active to Resolved there; the VM
/// really moved (pyvmomi sees it on the tip's destination). It has a service of its own (the shared one's cluster is
/// balanced, and a migration there would change what the other console tests compare), on the shared browser.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class ConsoleTipTests
{
    private readonly ConsoleService _console;
    private readonly ITestOutputHelper _output;

    public ConsoleTipTests(ConsoleService console, ITestOutputHelper output)
    {
        _console = console;
        _output = output;
    }

    [Fact]
    public async Task Tip_ImplementedFromTheProTipsWindow_ItsStatusChangesOnThePageToResolved()
    {
        await using var run = await PiledClusterRun.StartAsync(vms: 4, _output);
        var tip = (await run.WaitForMigrationTipsAsync(atLeast: 1))[0];
        var id = tip["id"]!.GetValue<string>();
        var context = await _console.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = run.Service.BaseUrl.ToString(),
        });
        await using var console = new ConsolePage(context, await context.NewPageAsync());
        console.Page.SetDefaultTimeout(30_000);
        await console.SignInAsync(run.OperatorKey);
        await console.GoAsync("#/tips");

        // Every status, so the row stays in the table once it is no longer Active.
        await console.Page.Locator("#tip-status").SelectOptionAsync(string.Empty);
        var row = console.Page.Locator($"tr[data-tip-id='{id}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Active");
        await Assertions.Expect(row.Locator("td.status")).ToHaveTextAsync("Active");

        // The row names the VM as the simulator does (pyvmomi's reading), not by its inventory id.
        var vmId = tip["action"]!["vm"]!.GetValue<string>();
        var vmName = await run.NameOfAsync(vmId);
        Assert.Equal(vmName, tip["names"]![vmId]!.GetValue<string>());
        await Assertions.Expect(row.Locator("td.action")).ToContainTextAsync($"vm {vmName}");
        Assert.DoesNotContain(vmId, await row.Locator("td.action").InnerTextAsync(), StringComparison.Ordinal);
        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("20-tips-operator");

        await row.Locator("button[data-action='implement']").ClickAsync();

        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Resolved", new() { Timeout = 90_000 });
        await Assertions.Expect(row.Locator("td.status")).ToContainTextAsync("Resolved");
        await Assertions.Expect(row.Locator("td.status")).ToContainTextAsync("RelocateVM_Task");
        Assert.Equal(0, await row.Locator("button[data-action='implement']").CountAsync()); // a final tip offers nothing

        // Seen in the row itself: the cell once shared the class of the page's floating message and was drawn there.
        var cell = (await row.Locator("td.status").BoundingBoxAsync())!;
        var line = (await row.BoundingBoxAsync())!;
        Assert.InRange(cell.Y, line.Y, line.Y + line.Height);
        Assert.InRange(cell.Y + cell.Height, line.Y, line.Y + line.Height + 1);
        await console.ScreenshotAsync("21-tip-implemented");
        var read = await run.GetJsonAsync($"/api/v1/tips/{id}");
        Assert.Equal("Resolved", read["status"]!.GetValue<string>());

        // The action as implemented (a balancer pass may have refreshed the destination while the tip was Active).
        Assert.Equal(read["action"]!["to"]!.GetValue<string>(), await run.HostOfAsync(read["action"]!["vm"]!.GetValue<string>()));
        Assert.Contains(read["history"]!.AsArray(), h => h!["by"]!.GetValue<string>() == "key:tips-operator");
        console.AssertNoErrors();
    }
}
