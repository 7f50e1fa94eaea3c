using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.Benchmarks.WinRM;

/// <summary>The benchmark's WinRM stand-in, run in a child process so its CPU is not counted as ours: HTTPS
/// on 127.0.0.1 with Basic authentication, answering each Enumerate by the class in its WQL filter and each
/// Invoke by its method, from the replies folder, after a fixed delay (the network and the host's work).</summary>
internal static partial class ReplyServer
{
    public const string User = "bench";
    public const string Password = "bench-pass";

    public static async Task<int> RunAsync(string folder, int delayMs, CancellationToken cancellationToken)
    {
        var replies = Directory.GetFiles(folder, "*.xml").ToFrozenDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllBytes, StringComparer.OrdinalIgnoreCase);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));
        using var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxConcurrentConnections = null;
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                l.UseHttps(certificate);
            });
        });
        await using var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"WSMAN\"";
                return;
            }

            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var request = await reader.ReadToEndAsync(context.RequestAborted);
            var key = FromPattern().Match(request) is { Success: true } from ? from.Groups[1].Value
                : MethodPattern().Match(request) is { Success: true } method ? method.Groups[1].Value
                : string.Empty;
            await Task.Delay(delayMs, context.RequestAborted);
            if (!replies.TryGetValue(key, out var reply))
            {
                context.Response.StatusCode = 500;
                return;
            }

            context.Response.ContentType = "application/soap+xml;charset=UTF-8";
            await context.Response.Body.WriteAsync(reply, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{address.Port}/wsman {thumbprint}"));
        await Console.Out.FlushAsync(cancellationToken);

        // Until the parent closes our standard input.
        await Console.In.ReadToEndAsync(cancellationToken);
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=winrm bench", key, HashAlgorithmName.SHA256);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    [GeneratedRegex(@"\bFROM\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"<p:(\w+)_INPUT\b")]
    private static partial Regex MethodPattern();
}
