using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>An endpoint on 127.0.0.1 whose <c>/readyz</c> answers what the test sets: the one reply of the engine the
/// management pack's readiness monitor must handle that the running service cannot be made to give on demand (503).
/// Everything else the pack reads is tested against the real service.</summary>
internal sealed class FakeEngineApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEngineApi(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What /readyz answers.</summary>
    public HttpStatusCode Readiness { get; set; } = HttpStatusCode.OK;

    public static async Task<FakeEngineApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeEngineApi? api = null;
        app.MapGet("/readyz", (HttpContext context) => Results.StatusCode((int)api!.Readiness));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api = new FakeEngineApi(app, new Uri(address));
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
