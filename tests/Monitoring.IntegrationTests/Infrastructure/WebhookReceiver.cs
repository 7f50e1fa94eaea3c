using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>A webhook receiver on Kestrel (127.0.0.1, ephemeral port) that answers POST /hook as scripted: each request
/// takes the next <see cref="ReceiverAnswer"/>, the last one repeating. It keeps every request it read.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceiverAnswer> _script;
    private readonly ReceiverAnswer _last;

    private WebhookReceiver(WebApplication app, IReadOnlyList<ReceiverAnswer> script)
    {
        _app = app;
        _script = new ConcurrentQueue<ReceiverAnswer>(script);
        _last = script[^1];
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request, with the answer it got.</summary>
    public ConcurrentQueue<(IHeaderDictionary Headers, byte[] Body, ReceiverAnswer Answer)> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(params ReceiverAnswer[] script)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, script);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var answer = _script.TryDequeue(out var next) ? next : _last;
        Received.Enqueue((new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body.ToArray(), answer));
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the sender gave up waiting
            }
        }

        context.Response.StatusCode = (int)answer.Status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>How the receiver answers one request: after <paramref name="Delay"/>, with <paramref name="Status"/>.</summary>
internal sealed record ReceiverAnswer(HttpStatusCode Status, TimeSpan Delay = default);
