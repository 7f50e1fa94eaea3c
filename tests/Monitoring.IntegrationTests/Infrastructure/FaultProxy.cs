using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>An HTTPS front (in-process Kestrel on 127.0.0.1, its own self-signed certificate) for a
/// simulator started with <c>-tls=false</c>, that breaks replies on demand, per SOAP method, while the
/// test runs: see <see cref="FaultProxyMode"/>. It counts the requests it sees per method.</summary>
/// <remarks>
/// The SOAP method is the local name of the first child of the request's <c>Body</c>. Requests that are
/// not SOAP (pyvmomi's version probe, a GET) are forwarded unchanged and not counted.
/// The simulator never pages (it ignores <c>maxObjects</c> and does not implement
/// <c>ContinueRetrievePropertiesEx</c>), so the proxy does: in <see cref="FaultProxyMode.Paging"/> it cuts a
/// real reply into pages behind fresh tokens, and answers every <c>ContinueRetrievePropertiesEx</c> itself
/// from those pages. A token is good for one call, as on vCenter; an unknown one gets an
/// <c>InvalidArgument</c> fault and is counted in <see cref="UnknownTokens"/>.
/// </remarks>
internal sealed class FaultProxy : IAsyncDisposable
{
    /// <summary>The method key that sets the mode of every method without a mode of its own.</summary>
    public const string AnyMethod = "*";

    public const string RetrievePropertiesEx = "RetrievePropertiesEx";
    public const string ContinueRetrievePropertiesEx = "ContinueRetrievePropertiesEx";

    private static readonly XNamespace s_soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace s_vim = "urn:vim25";

    /// <summary>What a load balancer with no backend might say: HTML, a DOCTYPE, unclosed tags.</summary>
    private static readonly byte[] s_garbage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>Bad gateway</title></head><body><h1>Bad gateway<br>The upstream server is restarting.<p>Try again later.</body></html>\n");

    private readonly X509Certificate2 _certificate;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamBase;
    private readonly ConcurrentDictionary<string, FaultProxyMode> _modes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _faulted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FaultProxyPage> _pages = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _unknownTokens;
    private int _pagesServed;

    private FaultProxy(Uri upstream)
    {
        _upstreamBase = new Uri(upstream.GetLeftPart(UriPartial.Authority));
        _certificate = CreateCertificate();
        Thumbprint = string.Join(':', SHA256.HashData(_certificate.RawData).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        _upstream = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The address to give the product: <c>https://127.0.0.1:PORT/sdk</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>SHA-256 of the proxy's certificate, <c>AB:CD:...</c>: the target's <c>Thumbprint</c>.</summary>
    public string Thumbprint { get; }

    /// <summary>Objects per page in <see cref="FaultProxyMode.Paging"/>.</summary>
    public int PageSize { get; set; } = 3;

    /// <summary><c>ContinueRetrievePropertiesEx</c> calls whose token was unknown or already used.</summary>
    public int UnknownTokens => Volatile.Read(ref _unknownTokens);

    /// <summary>Continuation pages answered from the stored pages.</summary>
    public int PagesServed => Volatile.Read(ref _pagesServed);

    /// <summary>Pages issued but not (yet) asked for.</summary>
    public int PagesPending => _pages.Count;

    /// <summary>Starts a proxy in front of the plain-HTTP endpoint <paramref name="upstream"/> (e.g. a
    /// simulator's <c>http://127.0.0.1:PORT/sdk</c>); every method passes through until told otherwise.</summary>
    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var proxy = new FaultProxy(upstream);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseHttps(proxy._certificate);
            }));
            var app = builder.Build();
            app.Run(proxy.HandleAsync);
            proxy._app = app;
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            proxy.Url = new Uri($"https://127.0.0.1:{new Uri(address).Port}/sdk");
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>From now on, requests for <paramref name="method"/> (or every method without a mode of
    /// its own, for <see cref="AnyMethod"/>) are handled in <paramref name="mode"/>.</summary>
    public void Set(string method, FaultProxyMode mode) => _modes[method] = mode;

    /// <summary>Every method passes through again. Requests already held stay held until the client gives up.</summary>
    public void Clear() => _modes.Clear();

    /// <summary>Requests seen for <paramref name="method"/>, faulted or not.</summary>
    public int Requests(string method) => _requests.GetValueOrDefault(method);

    /// <summary>Requests for <paramref name="method"/> that got a fault instead of a good reply.</summary>
    public int Faulted(string method) => _faulted.GetValueOrDefault(method);

    public async ValueTask DisposeAsync()
    {
        // Held requests end first, so Kestrel's stop does not wait for them.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _upstream.Dispose();
        _certificate.Dispose();
        _stopping.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=monitoring fault proxy", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Round-trip through PKCS#12 so the key is a persisted one that TLS can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The local name of the first element inside the SOAP Body; null when the body is not SOAP.</summary>
    private static string? SoapMethod(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            if (!reader.ReadToFollowing("Body", s_soap.NamespaceName))
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return reader.LocalName;
                }

                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    return null;
                }
            }
        }
        catch (XmlException)
        {
            // Not XML: not a SOAP call.
        }

        return null;
    }

    private static byte[] Serialize(XDocument document)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }

        return output.ToArray();
    }

    private async Task HandleAsync(HttpContext context)
    {
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }

        var method = HttpMethods.IsPost(context.Request.Method) ? SoapMethod(body) : null;
        if (method is null)
        {
            await ReplyAsync(context, await ForwardAsync(context, body));
            return;
        }

        _requests.AddOrUpdate(method, 1, (_, n) => n + 1);
        var mode = _modes.TryGetValue(method, out var own) ? own : _modes.GetValueOrDefault(AnyMethod, FaultProxyMode.PassThrough);
        if (mode is not FaultProxyMode.PassThrough and not FaultProxyMode.Paging)
        {
            _faulted.AddOrUpdate(method, 1, (_, n) => n + 1);
        }

        switch (mode)
        {
            case FaultProxyMode.NotXml:
                await ReplyAsync(context, new FaultProxyReply(StatusCodes.Status200OK, "text/html; charset=utf-8", [], s_garbage));
                return;
            case FaultProxyMode.ServiceUnavailable:
                await ReplyAsync(context, new FaultProxyReply(StatusCodes.Status503ServiceUnavailable, "text/plain; charset=utf-8", [], Encoding.UTF8.GetBytes("Service Unavailable\n")));
                return;
            case FaultProxyMode.ConnectionReset:
                context.Abort();
                return;
            case FaultProxyMode.NeverAnswers:
                using (var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, held.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up, or the test is over.
                    }
                }

                context.Abort();
                return;
            default:
                break;
        }

        var reply = method == ContinueRetrievePropertiesEx ? Continue(body) : await ForwardAsync(context, body);
        if (reply is null)
        {
            return;
        }

        if (mode == FaultProxyMode.Paging && method == RetrievePropertiesEx)
        {
            reply = reply with { Body = Page(reply.Body) };
        }
        else if (mode == FaultProxyMode.Truncated)
        {
            reply = reply with { Body = reply.Body[..(reply.Body.Length / 2)] };
        }

        await ReplyAsync(context, reply);
    }

    /// <summary>Sends the request on to the simulator. Null (and the client's connection aborted, as a TCP
    /// relay would) when the simulator cannot be reached.</summary>
    private async Task<FaultProxyReply?> ForwardAsync(HttpContext context, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_upstreamBase, context.Request.Path + context.Request.QueryString));
        if (body.Length > 0 || HttpMethods.IsPost(context.Request.Method))
        {
            request.Content = new ByteArrayContent(body);
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var header in new[] { "SOAPAction", "Cookie", "User-Agent", "Accept" })
        {
            if (context.Request.Headers.TryGetValue(header, out var values))
            {
                request.Headers.TryAddWithoutValidation(header, (IEnumerable<string>)values);
            }
        }

        try
        {
            using var response = await _upstream.SendAsync(request, context.RequestAborted);
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
            return new FaultProxyReply(
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                cookies,
                await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
        }
        catch (HttpRequestException)
        {
            context.Abort();
            return null;
        }
    }

    private static async Task ReplyAsync(HttpContext context, FaultProxyReply? reply)
    {
        if (reply is null)
        {
            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.ContentType is not null)
        {
            context.Response.ContentType = reply.ContentType;
        }

        foreach (var cookie in reply.SetCookies)
        {
            context.Response.Headers.Append("Set-Cookie", cookie);
        }

        context.Response.ContentLength = reply.Body.Length;
        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    /// <summary>Keeps the first <see cref="PageSize"/> objects of a <c>RetrievePropertiesExResponse</c> and
    /// stores the rest as pages behind fresh tokens; anything else (a fault, a short reply) is left as it is.</summary>
    private byte[] Page(byte[] reply)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(reply));
        }
        catch (XmlException)
        {
            return reply;
        }

        var body = document.Root?.Element(s_soap + "Body");
        var returnval = body?.Element(s_vim + "RetrievePropertiesExResponse")?.Element(s_vim + "returnval");
        var objects = returnval?.Elements(s_vim + "objects").ToList() ?? [];
        if (returnval is null || objects.Count <= PageSize)
        {
            return reply;
        }

        foreach (var later in objects.Skip(PageSize))
        {
            later.Remove();
        }

        // The continuation replies reuse this envelope: its namespace declarations are what the values'
        // xsi:type attributes (e.g. "xsd:string") refer to.
        var envelope = new XDocument(document);
        envelope.Root!.Element(s_soap + "Body")!.RemoveNodes();
        string? next = null;
        var pages = objects.Skip(PageSize).Chunk(PageSize).ToList();
        for (var i = pages.Count - 1; i >= 0; i--)
        {
            var token = Guid.NewGuid().ToString("N");
            _pages[token] = new FaultProxyPage(envelope, pages[i], next);
            next = token;
        }

        // vim25's RetrieveResult: the token comes before the objects.
        returnval.AddFirst(new XElement(s_vim + "token", next));
        return Serialize(document);
    }

    /// <summary>Answers <c>ContinueRetrievePropertiesEx</c> from the stored pages; each token works once.</summary>
    private FaultProxyReply Continue(byte[] request)
    {
        string? token = null;
        try
        {
            token = XDocument.Parse(Encoding.UTF8.GetString(request)).Descendants(s_vim + "token").FirstOrDefault()?.Value.Trim();
        }
        catch (XmlException)
        {
            // Treated as an unknown token below.
        }

        if (token is null || !_pages.TryRemove(token, out var page))
        {
            Interlocked.Increment(ref _unknownTokens);
            var fault = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="{s_soap.NamespaceName}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>A specified parameter was not correct: token</faultstring><detail><InvalidArgumentFault xmlns="urn:vim25" xsi:type="InvalidArgument"><invalidProperty>token</invalidProperty></InvalidArgumentFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>
                """;
            return new FaultProxyReply(StatusCodes.Status500InternalServerError, "text/xml; charset=utf-8", [], Encoding.UTF8.GetBytes(fault));
        }

        Interlocked.Increment(ref _pagesServed);
        var document = new XDocument(page.Envelope);
        document.Root!.Element(s_soap + "Body")!.Add(
            new XElement(
                s_vim + "ContinueRetrievePropertiesExResponse",
                new XAttribute("xmlns", s_vim.NamespaceName),
                new XElement(
                    s_vim + "returnval",
                    page.NextToken is null ? null : new XElement(s_vim + "token", page.NextToken),
                    page.Objects.Select(o => new XElement(o)))));
        return new FaultProxyReply(StatusCodes.Status200OK, "text/xml; charset=utf-8", [], Serialize(document));
    }
}
