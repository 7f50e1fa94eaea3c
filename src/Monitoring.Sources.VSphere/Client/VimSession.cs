using System.Globalization;
using System.Xml;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>The vim25 methods the product uses, over one <see cref="VimSoapClient"/>.</summary>
/// <remarks>One session per target. It is the transport a collector is handed: collectors call these
/// methods and never open a connection of their own.</remarks>
internal sealed partial class VimSession
{
    private static readonly ManagedObjectReference s_serviceInstance = new("ServiceInstance", "ServiceInstance");

    /// <summary>Objects per reply page we ask for; the server may send fewer and a token for the rest.</summary>
    private const int PageSize = 1000;

    private readonly VimSoapClient _client;
    private ServiceContent? _content;

    public VimSession(VimSoapClient client) => _client = client;

    /// <summary>The service content, once <see cref="ConnectAsync"/> has read it.</summary>
    public ServiceContent Content => _content ?? throw new InvalidOperationException("ConnectAsync has not run.");

    /// <summary>Reads the service content and speaks the server's API version from then on.</summary>
    public async Task<ServiceContent> ConnectAsync(CancellationToken cancellationToken)
    {
        var response = await _client.InvokeAsync("RetrieveServiceContent", s_serviceInstance, null, cancellationToken).ConfigureAwait(false);
        _content = ServiceContentParser.Parse(response);
        _client.ApiVersion = _content.ApiVersion;
        return _content;
    }

    /// <summary>Logs in; the server sets the session cookie the client keeps.</summary>
    /// <remarks>Also how an expired session is renewed: the dead cookie is dropped first so the server
    /// sees a plain login, not a request from a session it no longer knows.</remarks>
    public Task LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        _client.ClearSession();
        return _client.InvokeAsync(
            "Login",
            Content.SessionManager,
            w =>
            {
                w.WriteElementString("userName", VimXml.Vim.NamespaceName, userName);
                w.WriteElementString("password", VimXml.Vim.NamespaceName, password);
            },
            cancellationToken);
    }

    /// <summary>Ends the session on the server, so it does not linger until its idle timeout.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (_content is null || !_client.HasSession)
        {
            return;
        }

        await _client.InvokeAsync("Logout", Content.SessionManager, null, cancellationToken).ConfigureAwait(false);
        _client.ClearSession();
    }

    /// <summary>Creates a container view of <paramref name="types"/> under <paramref name="container"/>.</summary>
    public async Task<ManagedObjectReference> CreateContainerViewAsync(ManagedObjectReference container, IEnumerable<string> types, bool recursive, CancellationToken cancellationToken)
    {
        var response = await _client.InvokeAsync(
            "CreateContainerView",
            Content.ViewManager,
            w =>
            {
                SoapRequest.WriteReference(w, "container", container);
                foreach (var type in types)
                {
                    w.WriteElementString("type", VimXml.Vim.NamespaceName, type);
                }

                w.WriteElementString("recursive", VimXml.Vim.NamespaceName, recursive ? "true" : "false");
            },
            cancellationToken).ConfigureAwait(false);
        var returnval = VimXml.Child(response, "returnval") ?? throw new XmlException("CreateContainerView returned no view");
        return VimXml.ReadReference(returnval);
    }

    public Task DestroyViewAsync(ManagedObjectReference view, CancellationToken cancellationToken) =>
        _client.InvokeAsync("DestroyView", view, null, cancellationToken);

    /// <summary>Reads <paramref name="specs"/> for every object of those types under <paramref name="container"/>
    /// (recursively) through a container view that lives only for this read.</summary>
    public async Task ReadContainerAsync(ManagedObjectReference container, IReadOnlyList<PropertySpec> specs, Action<ObjectContent> onObject, CancellationToken cancellationToken)
    {
        var view = await CreateContainerViewAsync(container, specs.Select(s => s.Type), recursive: true, cancellationToken).ConfigureAwait(false);
        try
        {
            await RetrieveFromViewAsync(view, specs, onObject, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or VimFault or SessionExpiredException)
        {
            await TryDestroyAfterFailureAsync(view).ConfigureAwait(false);
            throw;
        }

        // Views live until the session ends; destroy ours so a long session does not pile them up.
        await DestroyViewAsync(view, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="spec"/> of the single object <paramref name="obj"/>, e.g. a manager's
    /// property; null when the server returned no object.</summary>
    public async Task<ObjectContent?> RetrieveObjectAsync(ManagedObjectReference obj, PropertySpec spec, CancellationToken cancellationToken)
    {
        ObjectContent? result = null;
        await _client.InvokeStreamingAsync(
            "RetrievePropertiesEx",
            Content.PropertyCollector,
            w =>
            {
                w.WriteStartElement("specSet", VimXml.Vim.NamespaceName);
                WritePropSet(w, spec);
                w.WriteStartElement("objectSet", VimXml.Vim.NamespaceName);
                SoapRequest.WriteReference(w, "obj", obj);
                w.WriteElementString("skip", VimXml.Vim.NamespaceName, "false");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteElementString("options", VimXml.Vim.NamespaceName, string.Empty);
            },
            (reader, ct) => RetrieveResultReader.ReadAsync(reader, o => result = o, ct),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Calls <c>PerformanceManager.QueryPerf</c> with one <c>PerfQuerySpec</c> per entity, each asking
    /// for the aggregate instance (<c>""</c>) of <paramref name="counterIds"/>; each entity's result goes to
    /// <paramref name="onEntity"/> as it is read, so a reply about thousands of VMs is never held whole.</summary>
    public Task QueryPerfAsync(
        IReadOnlyList<ManagedObjectReference> entities,
        IReadOnlyList<int> counterIds,
        int maxSample,
        int intervalId,
        Action<PerfEntityMetric> onEntity,
        CancellationToken cancellationToken)
    {
        var perfManager = Content.PerfManager ?? throw new InvalidOperationException("the endpoint has no performance manager");
        var maxSampleText = maxSample.ToString(CultureInfo.InvariantCulture);
        var intervalText = intervalId.ToString(CultureInfo.InvariantCulture);
        var counterTexts = counterIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray();
        return _client.InvokeStreamingAsync(
            "QueryPerf",
            perfManager,
            w =>
            {
                foreach (var entity in entities)
                {
                    // The vim25 schema's order: entity, startTime, endTime, maxSample, metricId*, intervalId, format.
                    w.WriteStartElement("querySpec", VimXml.Vim.NamespaceName);
                    SoapRequest.WriteReference(w, "entity", entity);
                    w.WriteElementString("maxSample", VimXml.Vim.NamespaceName, maxSampleText);
                    foreach (var counter in counterTexts)
                    {
                        w.WriteStartElement("metricId", VimXml.Vim.NamespaceName);
                        w.WriteElementString("counterId", VimXml.Vim.NamespaceName, counter);
                        w.WriteElementString("instance", VimXml.Vim.NamespaceName, string.Empty);
                        w.WriteEndElement();
                    }

                    w.WriteElementString("intervalId", VimXml.Vim.NamespaceName, intervalText);
                    w.WriteEndElement();
                }
            },
            async (reader, ct) =>
            {
                await QueryPerfResultReader.ReadAsync(reader, onEntity, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Reads <paramref name="specs"/> for every object in a container view, following
    /// continuation tokens until the server has sent everything. Each object goes to
    /// <paramref name="onObject"/> as it is read, so memory stays bounded by one page.</summary>
    public async Task RetrieveFromViewAsync(ManagedObjectReference view, IReadOnlyList<PropertySpec> specs, Action<ObjectContent> onObject, CancellationToken cancellationToken)
    {
        var collector = Content.PropertyCollector;
        var token = await _client.InvokeStreamingAsync(
            "RetrievePropertiesEx",
            collector,
            w =>
            {
                WriteFilterSpec(w, view, specs);
                w.WriteStartElement("options", VimXml.Vim.NamespaceName);
                w.WriteElementString("maxObjects", VimXml.Vim.NamespaceName, PageSize.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            },
            (reader, ct) => RetrieveResultReader.ReadAsync(reader, onObject, ct),
            cancellationToken).ConfigureAwait(false);

        while (token is not null)
        {
            var current = token;
            token = await _client.InvokeStreamingAsync(
                "ContinueRetrievePropertiesEx",
                collector,
                w => w.WriteElementString("token", VimXml.Vim.NamespaceName, current),
                (reader, ct) => RetrieveResultReader.ReadAsync(reader, onObject, ct),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WritePropSet(XmlWriter w, PropertySpec spec)
    {
        w.WriteStartElement("propSet", VimXml.Vim.NamespaceName);
        w.WriteElementString("type", VimXml.Vim.NamespaceName, spec.Type);
        w.WriteElementString("all", VimXml.Vim.NamespaceName, "false");
        foreach (var path in spec.Paths)
        {
            w.WriteElementString("pathSet", VimXml.Vim.NamespaceName, path);
        }

        w.WriteEndElement();
    }

    private static void WriteFilterSpec(XmlWriter w, ManagedObjectReference view, IReadOnlyList<PropertySpec> specs)
    {
        w.WriteStartElement("specSet", VimXml.Vim.NamespaceName);
        foreach (var spec in specs)
        {
            WritePropSet(w, spec);
        }

        // Start at the view itself (skipped) and traverse its "view" property to the objects it holds.
        w.WriteStartElement("objectSet", VimXml.Vim.NamespaceName);
        SoapRequest.WriteReference(w, "obj", view);
        w.WriteElementString("skip", VimXml.Vim.NamespaceName, "true");
        SoapRequest.WriteStartTyped(w, "selectSet", "TraversalSpec");
        w.WriteElementString("name", VimXml.Vim.NamespaceName, "view");
        w.WriteElementString("type", VimXml.Vim.NamespaceName, "ContainerView");
        w.WriteElementString("path", VimXml.Vim.NamespaceName, "view");
        w.WriteElementString("skip", VimXml.Vim.NamespaceName, "false");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Best effort, briefly: the read's own failure is what the operator needs to see, so a
    /// failure to clean up after it (likely, on a dead connection) must not replace it. The server drops
    /// the view with the session anyway.</summary>
    private async Task TryDestroyAfterFailureAsync(ManagedObjectReference view)
    {
        using var brief = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await DestroyViewAsync(view, brief.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or VimFault or OperationCanceledException)
        {
            // Deliberately ignored, see above.
        }
    }
}
