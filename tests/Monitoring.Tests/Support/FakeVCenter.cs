namespace Monitoring.Tests.Support;

/// <summary>A vCenter in a <see cref="FakeHandler"/>: the service content and login are real replies
/// (vCenter 6.0, <c>basic_connection.yaml</c>); container views and property reads answer from the
/// objects a test puts under each container.</summary>
internal sealed class FakeVCenter
{
    /// <summary>The inventory root the captured service content names.</summary>
    public const string RootFolder = "group-d1";

    private readonly CassetteInteraction _serviceContent;
    private readonly CassetteInteraction _login;
    private readonly Dictionary<string, string> _viewContainers = new(StringComparer.Ordinal);
    private readonly List<string> _destroyedViews = [];

    public FakeVCenter()
    {
        var cassette = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection.yaml");
        _serviceContent = cassette.Calls("RetrieveServiceContent")[0];
        _login = cassette.Calls("Login")[0];
        Handler = new FakeHandler(Respond);
    }

    public FakeHandler Handler { get; }

    /// <summary>Object XML (see <see cref="VimObjects"/>) by the id of the container holding it;
    /// datacenters go under <see cref="RootFolder"/>.</summary>
    public Dictionary<string, List<string>> Objects { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> CreatedViews => _viewContainers.Keys;

    public IReadOnlyList<string> DestroyedViews => _destroyedViews;

    public void Add(string containerId, params string[] objects)
    {
        if (!Objects.TryGetValue(containerId, out var list))
        {
            Objects[containerId] = list = [];
        }

        list.AddRange(objects);
    }

    private HttpResponseMessage Respond(RecordedRequest request) => request.SoapMethod switch
    {
        "RetrieveServiceContent" => _serviceContent.ToResponse(),
        "Login" => _login.ToResponse(),
        "CreateContainerView" => CreateView(request),
        "RetrievePropertiesEx" => Retrieve(request),
        "DestroyView" => DestroyView(request),
        "Logout" => SoapMessages.Http(SoapMessages.Reply("Logout", string.Empty)),
        _ => throw new InvalidOperationException($"the fake vCenter does not implement {request.SoapMethod}"),
    };

    private HttpResponseMessage CreateView(RecordedRequest request)
    {
        var container = request.Single("container").Value;
        var view = $"session[fake]view-{_viewContainers.Count + 1}";
        _viewContainers[view] = container;
        return SoapMessages.Http(SoapMessages.Reply("CreateContainerView", $"<returnval type=\"ContainerView\">{view}</returnval>"));
    }

    private HttpResponseMessage Retrieve(RecordedRequest request)
    {
        var view = request.Single("obj").Value;
        var container = _viewContainers[view];
        var objects = Objects.TryGetValue(container, out var list) ? list : [];
        return SoapMessages.Http(SoapMessages.RetrieveResult("RetrievePropertiesEx", null, [.. objects]));
    }

    private HttpResponseMessage DestroyView(RecordedRequest request)
    {
        _destroyedViews.Add(request.Single("_this").Value);
        return SoapMessages.Http(SoapMessages.Reply("DestroyView", string.Empty));
    }
}
