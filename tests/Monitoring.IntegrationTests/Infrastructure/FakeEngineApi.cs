using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>The engine's REST API as the management pack's scripts read it, served by Kestrel on 127.0.0.1 with the
/// JSON shapes of CONTRACTS.md (GET /api/v1/hosts, /vms, /clusters, /datastores, the alert feed, tips, /readyz).</summary>
/// <remarks>A stand-in until the real API (its own ticket) is in the service: then these tests point the scripts at the
/// running service instead. Every /api/v1 request needs the header X-Api-Key with <see cref="ApiKey"/>, else 401.</remarks>
internal sealed class FakeEngineApi : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";

    private readonly WebApplication _app;

    private FakeEngineApi(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What /readyz answers.</summary>
    public HttpStatusCode Readiness { get; set; } = HttpStatusCode.OK;

    /// <summary>Bodies of POST /api/v1/alert-feed/ack, in order.</summary>
    public ConcurrentQueue<string> Acknowledgements { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeEngineApi> StartAsync(Dictionary<string, object> collections, object alertFeed)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeEngineApi? api = null;

        app.Use(async (context, next) =>
        {
            api!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Path.StartsWithSegments("/api/v1") && context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { error = "missing or unknown API key" });
                return;
            }

            await next(context);
        });
        app.MapGet("/readyz", (HttpContext context) => Results.StatusCode((int)api!.Readiness));
        foreach (var (name, items) in collections)
        {
            app.MapGet("/api/v1/" + name, () => Results.Json(items));
        }

        app.MapGet("/api/v1/alert-feed", () => Results.Json(alertFeed));
        app.MapPost("/api/v1/alert-feed/ack", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            api!.Acknowledgements.Enqueue(await reader.ReadToEndAsync());
            return Results.NoContent();
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api = new FakeEngineApi(app, new Uri(address));
        return api;
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
