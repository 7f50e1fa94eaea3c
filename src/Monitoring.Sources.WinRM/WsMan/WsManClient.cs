using System.Xml;
using System.Xml.Linq;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>The WS-Management operations the collectors need: Identify, Get, Enumerate and Pull (with a
/// WQL filter, <c>OptimizeEnumeration</c> and <c>MaxElements</c>), Invoke and Release.</summary>
/// <remarks>
/// Every operation gets the target's per-operation timeout, both as the server's <c>OperationTimeout</c>
/// and as our own deadline for the whole exchange. Replies are parsed with a forward-only
/// <see cref="XmlReader"/>, instance by instance. SOAP faults become <see cref="WsManFault"/>; a reply that
/// is not XML, or not the shape the operation expects, becomes a <see cref="TargetFailureException"/>.
/// </remarks>
internal sealed class WsManClient : IDisposable
{
    /// <summary>Items per Enumerate or Pull reply unless set otherwise.</summary>
    public const int DefaultMaxElements = 100;

    private readonly IWsManTransport _transport;
    private readonly TimeSpan _timeout;
    private readonly string _target;
    private readonly IRequestRecorder? _recorder;

    public WsManClient(IWsManTransport transport, TimeSpan timeout, string target, IRequestRecorder? recorder)
    {
        _transport = transport;
        _timeout = timeout;
        _target = target;
        _recorder = recorder;
    }

    /// <summary>Items per reply asked of the server (it may send fewer).</summary>
    public int MaxElements { get; init; } = DefaultMaxElements;

    /// <summary>The server's protocol version and product.</summary>
    public Task<IdentifyResult> IdentifyAsync(CancellationToken cancellationToken) =>
        SendAsync("Identify", WsManRequest.Identify(), reader =>
        {
            string? protocol = null, vendor = null, version = null;
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "ProtocolVersion": protocol = reader.ReadElementContentAsString(); break;
                    case "ProductVendor": vendor = reader.ReadElementContentAsString(); break;
                    case "ProductVersion": version = reader.ReadElementContentAsString(); break;
                    default: reader.Skip(); break;
                }
            }

            return new IdentifyResult(protocol, vendor, version);
        }, cancellationToken);

    /// <summary>One instance of the class at <paramref name="resourceUri"/>, chosen by <paramref name="selectors"/>
    /// (none for a singleton such as <c>Win32_OperatingSystem</c>).</summary>
    public Task<WmiInstance> GetAsync(string resourceUri, IReadOnlyList<Selector>? selectors, CancellationToken cancellationToken) =>
        SendAsync(
            "Get",
            Build(WsManXml.GetAction, resourceUri, selectors, null),
            WmiInstanceReader.Read,
            cancellationToken);

    /// <summary>Every instance a WQL query selects in <paramref name="wmiNamespace"/>.</summary>
    public Task<IReadOnlyList<WmiInstance>> QueryAsync(string wmiNamespace, string wql, CancellationToken cancellationToken) =>
        EnumerateAsync(WmiResource.AllOf(wmiNamespace), wql, cancellationToken);

    /// <summary>Every instance of <paramref name="resourceUri"/>, or those <paramref name="wql"/> selects.</summary>
    /// <remarks>The first items come back with the Enumerate itself (<c>OptimizeEnumeration</c>), the rest with
    /// Pulls. If the server forgets the context mid-way (it expired, or the service restarted) the enumeration
    /// starts over once: a partial list would make objects look gone. One that fails otherwise is released.</remarks>
    public async Task<IReadOnlyList<WmiInstance>> EnumerateAsync(string resourceUri, string? wql, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var items = new List<WmiInstance>();
            try
            {
                await EnumerateOnceAsync(resourceUri, wql, items, cancellationToken).ConfigureAwait(false);
                return items;
            }
            catch (WsManFault fault) when (fault.Kind == WmiErrorKind.InvalidEnumerationContext && attempt == 1)
            {
                // Start over below.
            }
        }
    }

    /// <summary>Calls <paramref name="method"/> on the instance <paramref name="selectors"/> name and returns its
    /// output (<c>ReturnValue</c> and out parameters).</summary>
    /// <param name="resourceUri">The class.</param>
    /// <param name="method">The WMI method.</param>
    /// <param name="selectors">The instance's keys.</param>
    /// <param name="input">Writes the input parameters as children of <c>&lt;method&gt;_INPUT</c>, in the class's namespace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<WmiInstance> InvokeAsync(string resourceUri, string method, IReadOnlyList<Selector>? selectors, Action<XmlWriter>? input, CancellationToken cancellationToken) =>
        SendAsync(method, InvokeEnvelope(resourceUri, method, selectors, input), WmiInstanceReader.Read, cancellationToken);

    /// <summary>Like <see cref="InvokeAsync"/>, but the output element whole: for methods whose out parameters are
    /// endpoint references (a job's <c>SelectorSet</c>), whose selector names the instance reader does not keep.</summary>
    public Task<XElement> InvokeElementAsync(string resourceUri, string method, IReadOnlyList<Selector>? selectors, Action<XmlWriter>? input, CancellationToken cancellationToken) =>
        SendAsync(method, InvokeEnvelope(resourceUri, method, selectors, input), reader => (XElement)XNode.ReadFrom(reader), cancellationToken);

    /// <summary>Tells the server to drop an enumeration we will not finish.</summary>
    public Task ReleaseAsync(string resourceUri, string context, CancellationToken cancellationToken) =>
        SendAsync(
            "Release",
            Build(WsManXml.ReleaseAction, resourceUri, null, w =>
            {
                w.WriteStartElement("Release", WsManXml.Enumeration);
                w.WriteElementString("EnumerationContext", WsManXml.Enumeration, context);
                w.WriteEndElement();
            }),
            _ => true,
            cancellationToken,
            emptyBodyAllowed: true);

    public void Dispose() => _transport.Dispose();

    private async Task EnumerateOnceAsync(string resourceUri, string? wql, List<WmiInstance> items, CancellationToken cancellationToken)
    {
        var page = await SendAsync(
            "Enumerate",
            Build(WsManXml.EnumerateAction, resourceUri, null, w =>
            {
                w.WriteStartElement("Enumerate", WsManXml.Enumeration);
                w.WriteElementString("OptimizeEnumeration", WsManXml.WsMan, string.Empty);
                w.WriteElementString("MaxElements", WsManXml.WsMan, XmlConvert.ToString(MaxElements));
                if (wql is not null)
                {
                    w.WriteStartElement("Filter", WsManXml.WsMan);
                    w.WriteAttributeString("Dialect", WsManXml.WqlDialect);
                    w.WriteString(wql);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }),
            reader => ReadPage(reader, items),
            cancellationToken).ConfigureAwait(false);

        while (!page.EndOfSequence)
        {
            var context = page.Context ?? throw new TargetFailureException(
                FailureKind.Protocol, $"{_target}: the server neither ended the enumeration of {resourceUri} nor gave a context to pull the rest with");
            try
            {
                page = await SendAsync(
                    "Pull",
                    Build(WsManXml.PullAction, resourceUri, null, w =>
                    {
                        w.WriteStartElement("Pull", WsManXml.Enumeration);
                        w.WriteElementString("EnumerationContext", WsManXml.Enumeration, context);
                        w.WriteElementString("MaxElements", WsManXml.Enumeration, XmlConvert.ToString(MaxElements));
                        w.WriteEndElement();
                    }),
                    reader => ReadPage(reader, items),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not WsManFault { Kind: WmiErrorKind.InvalidEnumerationContext })
            {
                await ReleaseQuietlyAsync(resourceUri, context).ConfigureAwait(false);
                throw;
            }
        }
    }

    private async Task ReleaseQuietlyAsync(string resourceUri, string context)
    {
        // Best effort, and never under the caller's token (it may be the reason we stop): the server frees
        // the context itself when it expires, this only spares it the wait.
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(5, _timeout.TotalSeconds)));
            await ReleaseAsync(resourceUri, context, cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or WsManFault or OperationCanceledException)
        {
            // Already failing for a better reason.
        }
    }

    private static EnumerationPage ReadPage(XmlReader reader, List<WmiInstance> items)
    {
        string? context = null;
        var end = false;
        if (reader.IsEmptyElement)
        {
            return new EnumerationPage(null, true);
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "EnumerationContext":
                    context = reader.ReadElementContentAsString();
                    break;
                case "EndOfSequence":
                    end = true;
                    reader.Skip();
                    break;
                case "Items":
                    ReadItems(reader, items);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EnumerationPage(string.IsNullOrEmpty(context) ? null : context, end);
    }

    private static void ReadItems(XmlReader reader, List<WmiInstance> items)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                items.Add(WmiInstanceReader.Read(reader));
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>An Invoke of <paramref name="method"/>: its input parameters inside <c>&lt;method&gt;_INPUT</c>.</summary>
    private byte[] InvokeEnvelope(string resourceUri, string method, IReadOnlyList<Selector>? selectors, Action<XmlWriter>? input) =>
        Build(resourceUri + "/" + method, resourceUri, selectors, w =>
        {
            w.WriteStartElement("p", method + "_INPUT", resourceUri);
            input?.Invoke(w);
            w.WriteEndElement();
        });

    private byte[] Build(string action, string resourceUri, IReadOnlyList<Selector>? selectors, Action<XmlWriter>? body) =>
        WsManRequest.Build(_transport.Endpoint, action, resourceUri, selectors, _timeout, body);

    /// <summary>Sends one envelope under the per-operation deadline and hands <paramref name="read"/> a reader on
    /// the body's first element.</summary>
    private async Task<T> SendAsync<T>(string operation, byte[] envelope, Func<XmlReader, T> read, CancellationToken cancellationToken, bool emptyBodyAllowed = false)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        _recorder?.Record(_target, operation);
        try
        {
            await using var body = await _transport.SendAsync(operation, envelope, deadline.Token).ConfigureAwait(false);
            using var reader = XmlReader.Create(body, WsManXml.ReaderSettings);
            if (!MoveToBodyChild(reader))
            {
                return emptyBodyAllowed ? read(reader) : throw new TargetFailureException(FailureKind.Protocol, $"{operation}: the reply has an empty SOAP body");
            }

            if (reader.LocalName == "Fault" && reader.NamespaceURI == WsManXml.Soap)
            {
                throw WsManFaultReader.Read(reader);
            }

            return read(reader);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TargetFailureException(FailureKind.Timeout, $"{operation}: no complete reply within {_timeout.TotalSeconds:0} s (TimeoutSeconds)");
        }
        catch (XmlException e)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"{operation}: the reply is not well-formed XML ({e.Message})", e);
        }
    }

    /// <summary>Moves to the first element inside <c>s:Body</c>; false when the body is empty.</summary>
    private static bool MoveToBodyChild(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Body" && reader.NamespaceURI == WsManXml.Soap)
            {
                if (reader.IsEmptyElement)
                {
                    return false;
                }

                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        return true;
                    }

                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        return false;
                    }
                }
            }
        }

        throw new TargetFailureException(FailureKind.Protocol, "the reply is XML but not a SOAP envelope (no s:Body)");
    }
}
