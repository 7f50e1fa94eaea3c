using Microsoft.Playwright;
using Xunit;

namespace Monitoring.IntegrationTests.WebConsole;

/// <summary>One browser page on the console, with what its JavaScript console reported (a script error or a
/// blocked resource, e.g. by the content security policy, fails the test that checks it).</summary>
internal sealed class ConsolePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public ConsolePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpected(message))
            {
                lock (_errors)
                {
                    _errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Endpoints of later tickets that the console probes: their 404 (on this build) is how a section is left out.</summary>
    private static readonly string[] s_optional = ["/api/v1/alerts", "/api/v1/tips", "/api/v1/maintenance", "/api/v1/health"];

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Opens the console and signs in with <paramref name="key"/>; returns once the estate is drawn.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("API key", new() { Exact = true }).FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show the estate" }).ClickAsync();
        await Page.Locator("#nav a").First.WaitForAsync();
        await Page.Locator(".page:not([aria-busy])").WaitForAsync();
    }

    /// <summary>Follows a section link (or a fragment) and waits until the page has finished loading.</summary>
    public async Task GoAsync(string fragment)
    {
        // Resolves after the console's own hashchange handler has put up the new (busy) page.
        await Page.EvaluateAsync("f => new Promise(r => { addEventListener('hashchange', () => setTimeout(r, 0), { once: true }); location.hash = f; })", fragment);
        await Page.Locator(".page:not([aria-busy])").WaitForAsync();
    }

    /// <summary>Chromium logs every non-2xx fetch as an error; these two kinds are the console working as meant.</summary>
    private static bool IsExpected(IConsoleMessage message)
    {
        // Location is "URL:line:column" of the failed load.
        var at = message.Location;
        if (!message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) || !Uri.TryCreate(at, UriKind.Absolute, out var url))
        {
            return false;
        }

        return (message.Text.Contains("status of 404", StringComparison.Ordinal) && s_optional.Any(p => url.AbsolutePath.StartsWith(p, StringComparison.Ordinal)))
            || (message.Text.Contains("status of 401", StringComparison.Ordinal) && url.AbsolutePath.StartsWith("/api/v1/me", StringComparison.Ordinal)); // the wrong-key test
    }

    /// <summary>Fails with every message the page's JavaScript console reported as an error.</summary>
    public void AssertNoErrors()
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, "the page reported errors:\n" + string.Join('\n', errors));
    }

    /// <summary>A value the page failed to format shows up as these words in the text a user reads.</summary>
    public async Task AssertNoRawValuesAsync()
    {
        var text = await Page.InnerTextAsync("main");
        Assert.DoesNotMatch(@"\b(null|undefined|NaN|\[object Object\])\b", text);
    }

    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(ConsoleService.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is (nearly) empty");
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
