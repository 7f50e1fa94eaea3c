using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Sends vim25 SOAP requests to one endpoint and reads each reply off the wire, then parses it from memory.</summary>
/// <remarks>Transport failures become <see cref="TargetFailureException"/> with a bounded kind; SOAP faults
/// become <see cref="VimFault"/> so callers can react to the fault type (log in again, report a privilege).
/// The session cookie is held here and never written to a log or a message.</remarks>
internal sealed class VimSoapClient : IDisposable
{
    /// <summary>The version we speak until the server tells us its own: old enough for every
    /// server that has <c>RetrievePropertiesEx</c>, and accepted by current ones.</summary>
    public const string InitialApiVersion = "4.1";

    private const string SessionCookieName = "vmware_soap_session";

    private static readonly XmlReaderSettings s_readerSettings = new()
    {
        // Synchronous only: the reply is in memory, so a read never waits, and an asynchronous-capable
        // reader checks every synchronous call it serves.
        IgnoreWhitespace = true,
        IgnoreComments = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeSpan _timeout;
    private readonly CertificatePolicy? _certificatePolicy;
    private readonly IRequestRecorder? _recorder;
    private readonly string _target;
    private string? _sessionCookie;

    /// <summary>A client over <paramref name="handler"/>, which it owns. Tests pass a handler that replays
    /// captured replies; production passes one from <see cref="VimHttpHandler"/>.</summary>
    public VimSoapClient(HttpMessageHandler handler, Uri endpoint, TimeSpan timeout, CertificatePolicy? certificatePolicy)
        : this(handler, endpoint, timeout, certificatePolicy, null, endpoint.Host)
    {
    }

    /// <summary>A client that also tells <paramref name="recorder"/> about every request it sends,
    /// under the target's config name <paramref name="target"/>.</summary>
    public VimSoapClient(HttpMessageHandler handler, Uri endpoint, TimeSpan timeout, CertificatePolicy? certificatePolicy, IRequestRecorder? recorder, string target)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _endpoint = endpoint;
        _timeout = timeout;
        _certificatePolicy = certificatePolicy;
        _recorder = recorder;
        _target = target;
    }

    /// <summary>The API version sent in <c>SOAPAction</c>; raised to the server's after service content is read.</summary>
    public string ApiVersion { get; set; } = InitialApiVersion;

    /// <summary>True once the server has set a session cookie.</summary>
    public bool HasSession => _sessionCookie is not null;

    /// <summary>Calls <paramref name="method"/> and returns its response element (e.g. <c>LoginResponse</c>).</summary>
    public Task<XElement> InvokeAsync(string method, ManagedObjectReference @this, Action<XmlWriter>? arguments, CancellationToken cancellationToken) =>
        InvokeStreamingAsync(method, @this, arguments, (reader, _) => Task.FromResult((XElement)XNode.ReadFrom(reader)), cancellationToken);

    /// <summary>Calls <paramref name="method"/> and hands <paramref name="read"/> a reader positioned on the
    /// response element, so large replies are consumed piece by piece. The reply is already in memory: the
    /// reader's synchronous methods never block, and are the cheap way to read it.</summary>
    public async Task<T> InvokeStreamingAsync<T>(
        string method,
        ManagedObjectReference @this,
        Action<XmlWriter>? arguments,
        Func<XmlReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            // Disposed last (declared first): the body's pooled buffer goes back only once the exchange is over.
            using var requestBody = SoapRequest.BuildPooled(method, @this, arguments);
            var written = requestBody.Written;
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
            {
                Content = new ByteArrayContent(written.Array!, written.Offset, written.Count),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("SOAPAction", $"\"urn:vim25/{ApiVersion}\"");
            if (_sessionCookie is not null)
            {
                request.Headers.TryAddWithoutValidation("Cookie", _sessionCookie);
            }

            // Counted before sending: a request that fails on the wire still cost the target (and us) a try.
            _recorder?.Record(_target, method);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            CaptureSessionCookie(response);
            if (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.InternalServerError)
            {
                throw new TargetFailureException(FailureKind.Protocol, $"{method}: the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            // The whole reply first, then the parse from memory (see ReplyBuffer): reading synchronously
            // from the reader handed to `read` never waits on the network.
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using var body = await ReplyBuffer.ReadAsync(stream, timeout.Token).ConfigureAwait(false);
            using var reader = XmlReader.Create(body, s_readerSettings);
            MoveToBodyChild(reader, method);
            if (reader.LocalName == "Fault" && reader.NamespaceURI == VimXml.Soap.NamespaceName)
            {
                throw ReadFault((XElement)XNode.ReadFrom(reader));
            }

            return await read(reader, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TargetFailureException(FailureKind.Timeout, $"{method}: no complete reply within {_timeout.TotalSeconds:0} s (TimeoutSeconds)");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            var reason = _certificatePolicy?.LastRefusal ?? e.Message;
            throw new TargetFailureException(FailureKind.Certificate, $"TLS refused: {reason}", e);
        }
        catch (HttpRequestException e)
        {
            throw new TargetFailureException(FailureKind.Unreachable, $"{method}: {Describe(e)}", e);
        }
        catch (IOException e)
        {
            throw new TargetFailureException(FailureKind.Unreachable, $"{method}: the connection broke while reading the reply ({e.Message})", e);
        }
        catch (XmlException e)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"{method}: the reply is not well-formed XML ({e.Message})", e);
        }
    }

    /// <summary>Forgets the session, e.g. after logging out or when the server says it expired.</summary>
    public void ClearSession() => _sessionCookie = null;

    public void Dispose() => _http.Dispose();

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => $"cannot connect ({e.InnerException?.Message ?? e.Message})",
        HttpRequestError.NameResolutionError => $"the host name does not resolve ({e.InnerException?.Message ?? e.Message})",
        HttpRequestError.ResponseEnded => "the server closed the connection before answering",
        _ => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message,
    };

    private static void MoveToBodyChild(XmlReader reader, string method)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Body" && reader.NamespaceURI == VimXml.Soap.NamespaceName)
            {
                if (reader.IsEmptyElement)
                {
                    break;
                }

                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        return;
                    }

                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        break;
                    }
                }

                break;
            }
        }

        throw new TargetFailureException(FailureKind.Protocol, $"{method}: the reply has no SOAP body");
    }

    private static VimFault ReadFault(XElement fault)
    {
        var text = VimXml.ChildText(fault, "faultstring")?.Trim();
        var detail = VimXml.Child(fault, "detail")?.Elements().FirstOrDefault();
        var type = detail is null
            ? VimXml.ChildText(fault, "faultcode") ?? "Unknown"
            : VimXml.XsiType(detail) ?? TrimSuffix(detail.Name.LocalName, "Fault");
        return new VimFault(type, string.IsNullOrEmpty(text) ? type : text);
    }

    private static string TrimSuffix(string value, string suffix) =>
        value.EndsWith(suffix, StringComparison.Ordinal) && value.Length > suffix.Length ? value[..^suffix.Length] : value;

    private void CaptureSessionCookie(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }

        foreach (var cookie in cookies)
        {
            if (cookie.StartsWith(SessionCookieName + "=", StringComparison.Ordinal))
            {
                var end = cookie.IndexOf(';', StringComparison.Ordinal);
                _sessionCookie = end < 0 ? cookie : cookie[..end];
            }
        }
    }
}
