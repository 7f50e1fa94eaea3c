using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Monitoring.Service.Api.Access;

namespace Monitoring.Service.WebConsole;

/// <summary>The web console: <c>/</c> is its one HTML page, <c>/console/...</c> its scripts and styles. Open
/// without a key (the page asks for one and sends it with each API call); every reply carries a strict
/// content security policy, so only the service's own files run.</summary>
internal static class ConsoleEndpoints
{
    public const string AssetPath = "/console";

    /// <summary>Only files of this service: no inline script or style, no other origin, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = ConsoleAssets.Load(typeof(ConsoleEndpoints).Assembly);
        app.MapGet("/", (HttpContext context) => Serve(context, assets.Find("index.html")))
            .AllowWithoutKey().ExcludeFromDescription();
        app.MapGet(AssetPath + "/{**file}", (string file, HttpContext context) => Serve(context, file == "index.html" ? null : assets.Find(file)))
            .AllowWithoutKey().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, ConsoleAsset? asset)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // Revalidated on each load (cheap: 304 by entity tag), so an upgraded service is never mixed with old files.
        headers.CacheControl = "no-cache";
        if (asset is null)
        {
            return Results.NotFound();
        }

        headers.ETag = asset.ETag;
        if (context.Request.Headers[HeaderNames.IfNoneMatch].ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
