using System.Net;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.WebConsole;

/// <summary>The web console in real headless Chromium against the service and the vCenter simulator: what a
/// user sees with no key, a wrong key, and keys of each role.</summary>
/// <remarks>Alerts, maintenance and the health tree on the page: <see cref="ConsoleAlertsAndMaintenanceTests"/>. Implementing
/// a PRO tip from the page needs the tip endpoints, which arrive with their own ticket.</remarks>
[Collection(ConsoleTestGroup.Name)]
public sealed class ConsoleBrowserTests
{
    private readonly ConsoleService _console;

    public ConsoleBrowserTests(ConsoleService console) => _console = console;

    [Fact]
    public async Task Root_WithoutAKey_Is200HtmlWithStrictSecurityHeaders()
    {
        foreach (var path in new[] { "/", "/console/app.js", "/console/style.css" })
        {
            using var response = await _console.Service.Http.GetAsync(new Uri(_console.Service.BaseUrl, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
        }

        using var page = await _console.Service.Http.GetAsync(_console.Service.BaseUrl);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html); // no inline script for the policy to block
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        using var missing = await _console.Service.Http.GetAsync(new Uri(_console.Service.BaseUrl, "/console/nothing.js"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Me_AnswersTheKeysNameAndRole_AndNeedsAKey()
    {
        foreach (var (key, name, role) in new[] { (_console.ReaderKey, "console-reader", "reader"), (_console.OperatorKey, "console-operator", "operator"), (_console.AdminKey, "console-admin", "admin") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_console.Service.BaseUrl, "/api/v1/me"));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var response = await _console.Service.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var me = JsonDocument.Parse(body).RootElement;
            Assert.Equal(name, me.GetProperty("name").GetString());
            Assert.Equal(role, me.GetProperty("role").GetString());
            Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        }

        using var anonymous = await _console.Service.Http.GetAsync(new Uri(_console.Service.BaseUrl, "/api/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Console_WithoutAKey_AsksForOne_AndAWrongKeyGetsAClearMessage()
    {
        await using var console = await _console.OpenAsync();
        await console.Page.GotoAsync("/");
        var input = console.Page.GetByLabel("API key", new() { Exact = true });
        await input.WaitForAsync();
        Assert.True(await input.IsVisibleAsync());
        Assert.False(await console.Page.Locator("#nav").IsVisibleAsync()); // nothing to see before a key

        await input.FillAsync("vmk_000000000000_not-a-real-key-at-all-not-a-real-key-at-all0");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Show the estate" }).ClickAsync();
        var message = console.Page.Locator("#key-message");
        await Assertions.Expect(message).ToContainTextAsync("not accepted");
        Assert.Empty(await console.Page.EvaluateAsync<string[]>("() => Object.keys(sessionStorage).filter(k => sessionStorage.getItem(k))"));
        await console.ScreenshotAsync("01-key-prompt-wrong-key");
        console.AssertNoErrors();
    }

    [Fact]
    public async Task EstateView_WithAReaderKey_ListsExactlyTheHostsAndVmsTheSimulatorHolds()
    {
        var expected = await _console.SimulatorInventoryAsync();
        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.ReaderKey);

        var hosts = await console.Page.Locator("section.group tr[data-host-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.hostId + ' | ' + r.querySelector('a').textContent)");
        var vms = await console.Page.Locator("section.group tr[data-vm-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.vmId + ' | ' + r.querySelector('a').textContent)");
        Assert.Equal(InventoryAssert.Rows(expected.GetProperty("hosts"), "id", "name"), [.. hosts.Order(StringComparer.Ordinal)]);
        Assert.Equal(InventoryAssert.Rows(expected.GetProperty("vms"), "id", "name"), [.. vms.Order(StringComparer.Ordinal)]);

        // Each cluster is a group holding its hosts.
        foreach (var cluster in expected.GetProperty("clusters").EnumerateArray())
        {
            var members = expected.GetProperty("hosts").EnumerateArray().Count(h => h.GetProperty("cluster").ValueKind == JsonValueKind.String && h.GetProperty("cluster").GetString() == cluster.GetProperty("name").GetString());
            var group = console.Page.Locator($"section.group[data-group='{cluster.GetProperty("id").GetString()!.Replace('/', '_')}']");
            Assert.Equal(members, await group.Locator("tr[data-host-id]").CountAsync());
        }

        // The filter narrows the lists to the matching names.
        var someVm = expected.GetProperty("vms")[0].GetProperty("name").GetString()!;
        await console.Page.GetByLabel("Filter by name").FillAsync(someVm);
        var shown = await console.Page.Locator("section.group:not([hidden]) tr[data-vm-id]:not([hidden])").AllTextContentsAsync();
        Assert.NotEmpty(shown);
        Assert.All(shown, row => Assert.Contains(someVm, row, StringComparison.OrdinalIgnoreCase));
        await console.Page.GetByLabel("Filter by name").FillAsync(string.Empty);

        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("02-estate-reader");
        console.AssertNoErrors();
    }

    [Fact]
    public async Task EstateView_OnANarrowScreen_FitsWithoutSidewaysScrolling()
    {
        await using var console = await _console.OpenAsync(width: 390, height: 844);
        await console.SignInAsync(_console.ReaderKey);
        var overflow = await console.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 390 px screen");
        await console.ScreenshotAsync("03-estate-narrow");
        console.AssertNoErrors();
    }

    [Fact]
    public async Task HostPage_DrawsItsCpuChart_WithThePointsTheApiServes()
    {
        var host = (await _console.SimulatorInventoryAsync()).GetProperty("hosts")[0].GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((await _console.GetAsync($"/api/v1/performance?object={Uri.EscapeDataString(host)}&metric=cpu.usage"))["series"]!.AsArray().Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no cpu.usage stored for {host}:\n{_console.Service.Stderr}");
            await Task.Delay(1000);
        }

        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.ReaderKey);
        await console.Page.Locator($"tr[data-host-id='{host}'] a").ClickAsync();
        var line = console.Page.Locator("figure[data-metric='cpu.usage'] svg path.series");
        await line.WaitForAsync();
        var points = int.Parse(await line.GetAttributeAsync("data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(points >= 1, "the chart has no points");
        var d = await line.GetAttributeAsync("d") ?? string.Empty;
        Assert.StartsWith("M", d, StringComparison.Ordinal);
        Assert.Equal(points - 1, d.Count(c => c == 'L')); // one segment per point after the first

        // What the page plotted is what the API holds for the same range (give or take the newest minute).
        var series = (await _console.GetAsync($"/api/v1/performance?object={Uri.EscapeDataString(host)}&metric=cpu.usage"))["series"]![0]!["points"]!.AsArray();
        Assert.InRange(points, series.Count - 1, series.Count + 1);
        Assert.Contains("CPU use", await console.Page.Locator("figure[data-metric='cpu.usage'] figcaption").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);

        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("04-host-page");
        console.AssertNoErrors();
    }

    [Fact]
    public async Task ObjectLink_ByIdAlone_OpensTheVmOrTheHostPage()
    {
        var inventory = await _console.SimulatorInventoryAsync();
        var vm = inventory.GetProperty("vms")[0];
        var host = inventory.GetProperty("hosts")[0];
        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.ReaderKey);

        // Alerts name their object by id only; the console finds out which kind it is.
        await console.GoAsync($"#/object/{Uri.EscapeDataString(vm.GetProperty("id").GetString()!)}");
        await Assertions.Expect(console.Page.Locator("h2")).ToContainTextAsync($"VM {vm.GetProperty("name").GetString()}");
        await Assertions.Expect(console.Page.Locator(".crumbs a").Nth(1)).ToHaveTextAsync(vm.GetProperty("host").GetString()!);
        await console.GoAsync($"#/object/{Uri.EscapeDataString(host.GetProperty("id").GetString()!)}");
        await Assertions.Expect(console.Page.Locator("h2")).ToContainTextAsync($"Host {host.GetProperty("name").GetString()}");
        await console.AssertNoRawValuesAsync();

        // The VM lookup's 404 before the host is found is the console working as meant, not an error.
        Assert.All(console.Errors, e => Assert.Contains("/api/v1/vms/", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReaderKey_SeesNoActionButtons_AndAnAdminKeySeesTheKeyActions()
    {
        await using var reader = await _console.OpenAsync();
        await reader.SignInAsync(_console.ReaderKey);
        var sections = await reader.Page.Locator("#nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.DoesNotContain("#/keys", sections);
        var host = await reader.Page.Locator("tr[data-host-id]").First.GetAttributeAsync("data-host-id");
        foreach (var fragment in sections.Append($"#/host/{Uri.EscapeDataString(host!)}"))
        {
            await reader.GoAsync(fragment);
            Assert.True(await reader.Page.Locator("[data-action]").CountAsync() == 0, $"a reader sees an action on {fragment}");
        }

        reader.AssertNoErrors();

        await using var admin = await _console.OpenAsync();
        await admin.SignInAsync(_console.AdminKey);
        await admin.GoAsync("#/keys");
        Assert.True(await admin.Page.Locator("tr[data-key-name='console-reader'] button[data-action='revoke']").IsVisibleAsync());
        Assert.True(await admin.Page.Locator("form[data-action='create-key']").IsVisibleAsync());
        await admin.ScreenshotAsync("05-keys-admin");
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task OperatorKey_SeesNoAdminActions()
    {
        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.OperatorKey);
        Assert.Contains("(operator)", await console.Page.Locator("#who-text").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await console.Page.Locator("#nav a[href='#/keys']").CountAsync());
        await console.GoAsync("#/keys"); // typed by hand: the console falls back to the estate
        Assert.Equal(0, await console.Page.Locator("[data-action='revoke']").CountAsync());
        console.AssertNoErrors();
    }

    [Fact]
    public async Task CollectorStatus_ShowsEachTarget_WithTheDeadOnesError()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await _console.GetAsync("/api/v1/collectors")).AsArray().Any(t => t!["passes"]![0]!["succeeded"] is null))
        {
            Assert.True(DateTime.UtcNow < deadline, "an inventory pass has not finished");
            await Task.Delay(500);
        }

        await using var console = await _console.OpenAsync();
        await console.SignInAsync(_console.ReaderKey);
        await console.GoAsync("#/collectors");
        var live = console.Page.Locator("tr[data-target='vc1'][data-pass='inventory']");
        var dead = console.Page.Locator("tr[data-target='dead1'][data-pass='inventory']");
        await Assertions.Expect(live).ToContainTextAsync("ok");
        await Assertions.Expect(dead).ToContainTextAsync("failed");
        var error = (await _console.GetAsync("/api/v1/collectors")).AsArray().Single(t => t!["target"]!.GetValue<string>() == "dead1")!["passes"]![0]!["error"]!.GetValue<string>();
        await Assertions.Expect(dead.Locator("td.error-text")).ToContainTextAsync(error);
        await console.AssertNoRawValuesAsync();
        await console.ScreenshotAsync("06-collectors");
        console.AssertNoErrors();
    }

    [Fact]
    public async Task Pages_WorkFromTheKeyboard_AndAxeFindsNoWcagAaFaults()
    {
        await using var console = await _console.OpenAsync();
        await console.Page.GotoAsync("/");
        await AssertAccessibleAsync(console.Page, "key prompt");

        // The key field has the focus on load; Enter signs in; Tab reaches the sections; Enter opens one.
        await console.Page.Keyboard.TypeAsync(_console.ReaderKey);
        await console.Page.Keyboard.PressAsync("Enter");
        await console.Page.Locator("#nav a").First.WaitForAsync();
        await console.Page.Locator(".page:not([aria-busy])").WaitForAsync();
        await AssertAccessibleAsync(console.Page, "estate");
        // Sign-in leaves the focus on the page's content; the sections are just before it.
        for (var i = 0; i < 10 && await console.Page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''") != "Collectors"; i++)
        {
            await console.Page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Equal("Collectors", await console.Page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''"));
        await console.Page.Keyboard.PressAsync("Enter");
        await console.Page.Locator("tr[data-target='vc1']").First.WaitForAsync();
        await AssertAccessibleAsync(console.Page, "collectors");

        var host = (await _console.GetAsync("/api/v1/hosts"))["items"]![0]!["id"]!.GetValue<string>();
        await console.GoAsync($"#/host/{Uri.EscapeDataString(host)}");
        await AssertAccessibleAsync(console.Page, "host page");
        console.AssertNoErrors();
    }

    /// <summary>axe-core's WCAG 2 A and AA rules (contrast, labels, names, structure) on the page as it is now.</summary>
    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.True(result.Violations.Length == 0, $"{what}: " + string.Join('\n', result.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
