using System.Collections.Concurrent;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>A WS-Management endpoint for tests (in-process Kestrel on 127.0.0.1) that answers like one
/// Windows host from a folder of replies: captured ones, and ones generated into captured envelopes
/// (TestData/wsman/generated). No WS-Management server runs on Linux; this serves what real ones said.</summary>
/// <remarks>
/// Enumerate picks the reply by the class in the WQL filter (<c>FROM Class</c>) and the namespace in the
/// resource URI; Invoke by the method name. A namespace the profile lacks gets the WMI invalid-namespace
/// fault, a class it lacks the captured invalid-class fault. With <see cref="PageSize"/> set, enumerations
/// are cut into pages served by Pull, as a host with many objects would. HTTPS with Basic authentication
/// checks the user and password; a wrong pair gets a 401.
/// </remarks>
internal sealed partial class WsManEndpoint : IAsyncDisposable
{
    private static readonly XNamespace s_soap = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace s_addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static readonly XNamespace s_enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private static readonly XNamespace s_wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private readonly string _profile;
    private readonly string[] _namespaces;
    private readonly string _user;
    private readonly string _password;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, Queue<XElement[]>> _contexts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _enumerations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _lastRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NegotiateAuthentication> _ntlm = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _useNtlm;
    private WebApplication? _app;
    private int _sealedRequests;

    private WsManEndpoint(string profile, string user, string password, bool useNtlm)
    {
        _useNtlm = useNtlm;
        _profile = Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "generated", profile);
        _user = user;
        _password = password;
        _certificate = CreateCertificate();
        Thumbprint = string.Join(':', SHA256.HashData(_certificate.RawData).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

        // The namespaces this host has: root/cimv2, plus the Hyper-V one its generated Msvm replies live in.
        var msvm = Path.Combine(_profile, "Msvm_ComputerSystem.xml");
        var hyperV = !File.Exists(msvm) ? null
            : File.ReadAllText(msvm).Contains("/root/virtualization/v2/", StringComparison.Ordinal) ? "root/virtualization/v2" : "root/virtualization";
        var virtualServer = File.Exists(Path.Combine(_profile, "VirtualMachine.xml")) ? "root/vm/virtualserver" : null;
        _namespaces = [.. new[] { "root/cimv2", hyperV, virtualServer }.OfType<string>()];
    }

    /// <summary><c>https://127.0.0.1:PORT/wsman</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>SHA-256 of the endpoint's certificate: the target's <c>Thumbprint</c>.</summary>
    public string Thumbprint { get; }

    /// <summary>How the endpoint answers now.</summary>
    public WsManEndpointMode Mode { get; set; }

    /// <summary>Added before every answer (a slow host, or the benchmark's network).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Items per Enumerate or Pull reply; 0 sends each reply whole.</summary>
    public int PageSize { get; set; }

    /// <summary>A fault reply (a whole envelope) answered to every Enumerate of this WMI class, by class name, and to
    /// every Invoke of a method or Get of a class (<c>Get.Class</c>), by that operation's name.</summary>
    public ConcurrentDictionary<string, string> Faults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replies to serve in turn, by operation: an Invoke's method name, or <c>Get.Class</c> for a Get of that
    /// class; each a file of the profile without <c>.xml</c>. The last one repeats. Without an entry an Invoke gets
    /// <c>Method.xml</c> and a Get <c>Get.Class.xml</c>.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> ReplySequences { get; } = new(StringComparer.Ordinal);

    /// <summary>The body of the last request of each operation, as received (after unsealing).</summary>
    public string? LastRequest(string operation) => _lastRequests.GetValueOrDefault(operation);

    /// <summary>Requests that arrived sealed with an NTLM session key and were unsealed.</summary>
    public int SealedRequests => Volatile.Read(ref _sealedRequests);

    /// <summary>Requests seen, by operation (Enumerate, Pull, Release, the method name of an Invoke).</summary>
    public int Requests(string operation) => _requests.GetValueOrDefault(operation);

    /// <summary>Enumerates seen of one WMI class (by class name, whatever the namespace).</summary>
    public int Enumerations(string className) => _enumerations.GetValueOrDefault(className);

    /// <summary>Starts an HTTPS endpoint answering as the host of <paramref name="profile"/> (a folder of
    /// TestData/wsman/generated), accepting Basic authentication with <paramref name="user"/> and <paramref name="password"/>.</summary>
    public static Task<WsManEndpoint> StartAsync(string profile, string user = "monitor", string password = "winrm-test-pass") =>
        StartAsync(new WsManEndpoint(profile, user, password, useNtlm: false));

    /// <summary>Starts a plain-HTTP endpoint that authenticates with NTLM through Debian's gss-ntlmssp (the
    /// accounts of <see cref="NtlmUsers"/>) and, as Windows does by default, takes and gives only sealed bodies.</summary>
    public static Task<WsManEndpoint> StartNtlmAsync(string profile)
    {
        NtlmUsers.EnsureConfigured();
        return StartAsync(new WsManEndpoint(profile, NtlmUsers.QualifiedUser, NtlmUsers.Password, useNtlm: true));
    }

    private static async Task<WsManEndpoint> StartAsync(WsManEndpoint endpoint)
    {
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (!endpoint._useNtlm)
                {
                    listen.UseHttps(endpoint._certificate);
                }
            }));
            var app = builder.Build();
            app.Run(endpoint.HandleAsync);
            endpoint._app = app;
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            endpoint.Url = new Uri($"{(endpoint._useNtlm ? "http" : "https")}://127.0.0.1:{new Uri(address).Port}/wsman");
            return endpoint;
        }
        catch
        {
            await endpoint.DisposeAsync();
            throw;
        }
    }

    /// <summary>A config target for this endpoint (Basic over HTTPS, pinned to its certificate).</summary>
    /// <remarks>An NTLM endpoint's target leaves <c>Authentication</c> out: the product follows the challenge.</remarks>
    public Dictionary<string, object?> Target(string name, string kind, string? password = null) => new()
    {
        ["Name"] = name,
        ["Kind"] = kind,
        ["Address"] = Url.ToString(),
        ["Username"] = _user,
        ["Password"] = password ?? _password,
        ["Thumbprint"] = _useNtlm ? null : Thumbprint,
        ["Authentication"] = _useNtlm ? null : "Basic",
        ["TimeoutSeconds"] = 30,
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        foreach (var context in _ntlm.Values)
        {
            context.Dispose();
        }

        DisposeKerberos();

        _certificate.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The captured WinRM 2.0 invalid-class fault with <paramref name="code"/> (a WMI or WinRM error
    /// code) and <paramref name="subcode"/> in place of its own: the shape Windows sends, other causes.</summary>
    public static string CapturedFault(uint code, string subcode = "w:InternalError", string? message = null)
    {
        var fault = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "WinRb-WinRM", "soap_fault_v2.xml"))
            .Replace("n:CannotProcessFilter", subcode, StringComparison.Ordinal)
            .Replace("Code=\"2150858778\"", $"Code=\"{code.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal);
        return message is null ? fault : fault.Replace("The specified class does not exist in the given namespace. ", message, StringComparison.Ordinal);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var read = new MemoryStream();
        await context.Request.Body.CopyToAsync(read, context.RequestAborted);
        NegotiateAuthentication? session = null;
        if (_useNtlm)
        {
            session = AuthenticateNtlm(context);
            if (session is null)
            {
                return;
            }
        }
        else if (_useKerberos)
        {
            if (!AuthenticateKerberos(context))
            {
                return;
            }
        }
        else if (!Authorized(context.Request))
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"WSMAN\"";
            return;
        }

        if (read.Length == 0)
        {
            // An authentication request with an empty body.
            context.Response.StatusCode = 200;
            return;
        }

        var envelope = read.ToArray();
        if (session is not null)
        {
            // Windows' default (AllowUnencrypted false): a clear body over HTTP is refused.
            if (context.Request.ContentType?.StartsWith("multipart/encrypted", StringComparison.Ordinal) != true)
            {
                context.Response.StatusCode = 400;
                return;
            }

            var (token, length) = SealedBody.Read(envelope);
            var clear = new ArrayBufferWriter<byte>();
            if (session.Unwrap(token, clear, out var wasEncrypted) != NegotiateAuthenticationStatusCode.Completed || !wasEncrypted || clear.WrittenCount != length)
            {
                context.Response.StatusCode = 400;
                return;
            }

            Interlocked.Increment(ref _sealedRequests);
            envelope = clear.WrittenSpan.ToArray();
        }

        var request = XDocument.Parse(Encoding.UTF8.GetString(envelope));
        var (status, reply) = Answer(request);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        switch (Mode)
        {
            case WsManEndpointMode.Hang:
                using (var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, held.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                return;
            case WsManEndpointMode.NotXml:
                reply = "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable<p>HTTP Error 503.</body></html>\n";
                status = 200;
                break;
            case WsManEndpointMode.Truncated:
                reply = reply[..(reply.Length / 2)];
                break;
        }

        context.Response.StatusCode = status;
        if (session is null)
        {
            context.Response.ContentType = "application/soap+xml;charset=UTF-8";
            await context.Response.WriteAsync(reply, context.RequestAborted);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(reply);
        var wrapped = new ArrayBufferWriter<byte>();
        session.Wrap(bytes, wrapped, requestEncryption: true, out _);
        context.Response.ContentType = SealedBody.ContentType;
        await context.Response.Body.WriteAsync(SealedBody.Write(wrapped.WrittenSpan, bytes.Length, signatureLength: 16), context.RequestAborted);
    }

    /// <summary>NTLM per connection, the way IIS and WinRM do it: a <c>Negotiate</c> header carries the
    /// handshake, and later requests on the same connection ride on the finished context. Returns the
    /// connection's context once authenticated; null when a 401 has been sent.</summary>
    private NegotiateAuthentication? AuthenticateNtlm(HttpContext context)
    {
        var connection = context.Connection.Id;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Negotiate ", StringComparison.Ordinal) || header.StartsWith("NTLM ", StringComparison.Ordinal))
        {
            var incoming = Convert.FromBase64String(header[(header.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            if (!_ntlm.TryGetValue(connection, out var pending) || pending.IsAuthenticated)
            {
                pending?.Dispose();
                pending = new NegotiateAuthentication(new NegotiateAuthenticationServerOptions { Package = "NTLM", RequiredProtectionLevel = ProtectionLevel.None });
                _ntlm[connection] = pending;
            }

            var outgoing = pending.GetOutgoingBlob(incoming, out var status);
            if (status == NegotiateAuthenticationStatusCode.ContinueNeeded)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Negotiate " + Convert.ToBase64String(outgoing!);
                return null;
            }

            if (status != NegotiateAuthenticationStatusCode.Completed)
            {
                _ntlm.TryRemove(connection, out _);
                pending.Dispose();
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Negotiate";
                return null;
            }

            return pending;
        }

        if (_ntlm.TryGetValue(connection, out var known) && known.IsAuthenticated)
        {
            return known;
        }

        context.Response.StatusCode = 401;
        context.Response.Headers.WWWAuthenticate = "Negotiate";
        return null;
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
        return pair == _user + ":" + _password;
    }

    private (int Status, string Reply) Answer(XDocument request)
    {
        var header = request.Root!.Element(s_soap + "Header")!;
        var body = request.Root!.Element(s_soap + "Body")!;
        var operation = body.Elements().FirstOrDefault()?.Name.LocalName ?? "Empty";
        var action = header.Element(s_addressing + "Action")?.Value ?? string.Empty;
        var resource = header.Element(s_wsman + "ResourceURI")?.Value ?? string.Empty;
        if (operation.EndsWith("_INPUT", StringComparison.Ordinal))
        {
            operation = action[(action.LastIndexOf('/') + 1)..];
        }
        else if (action == "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get")
        {
            operation = "Get." + resource[(resource.LastIndexOf('/') + 1)..];
        }

        _requests.AddOrUpdate(operation, 1, (_, n) => n + 1);
        _lastRequests[operation] = request.ToString(SaveOptions.DisableFormatting);
        if (operation is not ("Enumerate" or "Pull" or "Release") && Faults.TryGetValue(operation, out var fault))
        {
            return (500, fault);
        }

        return operation switch
        {
            "Enumerate" => Enumerate(resource, body.Descendants(s_wsman + "Filter").SingleOrDefault()?.Value),
            "Pull" => Pull(body.Descendants(s_enumeration + "EnumerationContext").Single().Value),
            "Release" => (200, Empty()),
            _ => ReplyFile(operation) is { } file
                ? (200, File.ReadAllText(file))
                : (500, CapturedFault(0x80041010)),
        };
    }

    /// <summary>The file that answers an Invoke or a Get: the next of <see cref="ReplySequences"/>, or the default.</summary>
    private string? ReplyFile(string operation)
    {
        var name = operation;
        if (ReplySequences.TryGetValue(operation, out var sequence))
        {
            // The last entry stays: a job polled again after it completed still reads completed.
            name = sequence.Count > 1 && sequence.TryDequeue(out var next) ? next : sequence.TryPeek(out var last) ? last : operation;
        }

        var path = Path.Combine(_profile, name + ".xml");
        return File.Exists(path) ? path : null;
    }

    private (int, string) Enumerate(string resource, string? wql)
    {
        var ns = NamespacePattern().Match(resource).Groups[1].Value;
        var cls = wql is null ? resource[(resource.LastIndexOf('/') + 1)..] : FromPattern().Match(wql).Groups[1].Value;
        _enumerations.AddOrUpdate(cls, 1, (_, n) => n + 1);
        if (!_namespaces.Contains(ns, StringComparer.OrdinalIgnoreCase))
        {
            return (500, CapturedFault(0x8004100E, message: "Invalid namespace "));
        }

        if (Faults.TryGetValue(cls, out var fault))
        {
            return (500, fault);
        }

        var path = Path.Combine(_profile, cls + ".xml");
        if (!File.Exists(path))
        {
            // What WinRM 2.0 said for a class missing from the namespace (captured).
            return (500, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "WinRb-WinRM", "soap_fault_v2.xml")));
        }

        var reply = File.ReadAllText(path);
        if (PageSize <= 0 && Mode != WsManEndpointMode.ExpireContexts)
        {
            return (200, reply);
        }

        // Cut the real reply's items into pages: the first with the Enumerate, the rest behind a context.
        var document = XDocument.Parse(reply);
        var items = document.Descendants(s_wsman + "Items").Single();
        var pages = items.Elements().Chunk(Math.Max(1, PageSize)).ToList();
        var context = "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant();
        items.ReplaceNodes(pages.Count > 0 ? pages[0] : []);
        var response = items.Parent!;
        response.Element(s_enumeration + "EnumerationContext")!.Value = pages.Count > 1 ? context : string.Empty;
        if (pages.Count > 1)
        {
            response.Element(s_wsman + "EndOfSequence")?.Remove();
            _contexts[context] = new Queue<XElement[]>(pages.Skip(1));
        }

        return (200, document.ToString(SaveOptions.DisableFormatting));
    }

    private (int, string) Pull(string context)
    {
        if (!_contexts.TryRemove(context, out var pages))
        {
            return (500, CapturedFault(2150858752, "n:InvalidEnumerationContext", "The enumeration context supplied in the message is not valid. "));
        }

        if (Mode == WsManEndpointMode.ExpireContexts)
        {
            // Forgotten once: the client's fresh enumeration then runs through.
            Mode = WsManEndpointMode.Normal;
            return (500, CapturedFault(2150858752, "n:InvalidEnumerationContext", "The enumeration context supplied in the message is not valid. "));
        }

        var page = pages.Dequeue();
        var next = pages.Count > 0 ? "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant() : null;
        if (next is not null)
        {
            _contexts[next] = pages;
        }

        // The captured PullResponse envelope (Windows Server 2008 R2), with this page's items.
        var document = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "WinRb-WinRM", "2013-aef7dec", "enumerate_2.xml"));
        var response = document.Descendants(s_enumeration + "PullResponse").Single();
        response.Element(s_enumeration + "Items")!.ReplaceNodes(page);
        if (next is not null)
        {
            response.Element(s_enumeration + "EndOfSequence")!.Remove();
            response.AddFirst(new XElement(s_enumeration + "EnumerationContext", next));
        }

        return (200, document.ToString(SaveOptions.DisableFormatting));
    }

    private static string Empty() =>
        """<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse</a:Action></s:Header><s:Body/></s:Envelope>""";

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=wsman test endpoint", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    [GeneratedRegex(@"/wmi/(.+)/[^/]+$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"\bFROM\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();
}
