using System.Globalization;
using System.Xml;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>The vim25 methods the product uses, over one <see cref="VimSoapClient"/>.</summary>
/// <remarks>One session per target. It is the transport a collector is handed: collectors call these
/// methods and never open a connection of their own.</remarks>
internal sealed class VimSession
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
    public Task LoginAsync(string userName, string password, CancellationToken cancellationToken) =>
        _client.InvokeAsync(
            "Login",
            Content.SessionManager,
            w =>
            {
                w.WriteElementString("userName", VimXml.Vim.NamespaceName, userName);
                w.WriteElementString("password", VimXml.Vim.NamespaceName, password);
            },
            cancellationToken);

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

    private static void WriteFilterSpec(XmlWriter w, ManagedObjectReference view, IReadOnlyList<PropertySpec> specs)
    {
        w.WriteStartElement("specSet", VimXml.Vim.NamespaceName);
        foreach (var spec in specs)
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
}
