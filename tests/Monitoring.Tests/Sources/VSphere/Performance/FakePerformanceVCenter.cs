using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Support.VimObjects;

namespace Monitoring.Tests.Sources.VSphere.Performance;

/// <summary>A vCenter in a <see cref="FakeHandler"/> that serves what a realtime pass needs: real captured
/// service content (vCenter 6.0, which names <c>PerfMgr</c>), logins with a fresh session cookie each,
/// container views over hosts and VMs, a counter catalog and <c>QueryPerf</c>. Sessions can be expired
/// the way govmomi's simulator does it: a fault for most calls, a <c>missingSet</c> for property reads.</summary>
internal sealed class FakePerformanceVCenter
{
    /// <summary>Counter ids deliberately unlike any real server's, so a test proves ids come from the catalog.</summary>
    public static readonly IReadOnlyDictionary<string, int> CounterIds = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["cpu.usage.average"] = 502,
        ["cpu.ready.summation"] = 512,
        ["mem.usage.average"] = 524,
        ["mem.consumed.average"] = 598,
        ["disk.usage.average"] = 625,
        ["net.usage.average"] = 643,
    };

    private static readonly Dictionary<string, string> s_units = new(StringComparer.Ordinal)
    {
        ["cpu.usage.average"] = "percent",
        ["cpu.ready.summation"] = "millisecond",
        ["mem.usage.average"] = "percent",
        ["mem.consumed.average"] = "kiloBytes",
        ["disk.usage.average"] = "kiloBytesPerSecond",
        ["net.usage.average"] = "kiloBytesPerSecond",
    };

    private readonly CassetteInteraction _serviceContent;
    private readonly HashSet<string> _liveSessions = new(StringComparer.Ordinal);
    private readonly List<(string Type, string Id, string Property, string State)> _entities = [];
    private readonly Dictionary<string, HashSet<string>> _viewTypes = new(StringComparer.Ordinal);
    private int _logins;

    public FakePerformanceVCenter()
    {
        _serviceContent = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection.yaml").Calls("RetrieveServiceContent")[0];
        Handler = new FakeHandler(RespondAsync);
    }

    public FakeHandler Handler { get; }

    /// <summary>The raw value of a counter (by name) for an entity at sample index i (0 = first in the reply).</summary>
    public Func<string, string, int, long> Value { get; set; } = (_, _, i) => 100 + i;

    /// <summary>Sample timestamps in reply order; the simulator's order (newest first) by default.</summary>
    public IReadOnlyList<DateTimeOffset> Timestamps { get; set; } =
    [
        new(2026, 11, 25, 12, 0, 40, TimeSpan.Zero),
        new(2026, 11, 25, 12, 0, 20, TimeSpan.Zero),
        new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
    ];

    /// <summary>Counters the catalog leaves out, or lists with another unit.</summary>
    public HashSet<string> MissingCounters { get; } = new(StringComparer.Ordinal);

    /// <summary>The fault type (e.g. <c>NoPermission</c>) every read of the counter catalog reports in its missingSet.</summary>
    public string? CatalogFault { get; set; }

    /// <summary>When set, every request it matches finds every session expired, as after the server's idle timeout.</summary>
    public Func<RecordedRequest, bool>? ExpireWhen { get; set; }

    /// <summary>Awaited before each reply, so a test can hold requests back and line them up.</summary>
    public Func<RecordedRequest, Task>? BeforeReply { get; set; }

    /// <summary>How long a login takes; long enough, two jobs starting together would both log in without the pool's gate.</summary>
    public TimeSpan LoginDelay { get; set; }

    /// <summary>How many logins succeeded.</summary>
    public int Logins => _logins;

    /// <summary>Every QueryPerf request, in order.</summary>
    public IEnumerable<RecordedRequest> QueryPerfRequests => Handler.Requests.Where(r => r.SoapMethod == "QueryPerf");

    public void AddHost(string id, string connectionState = "connected") => _entities.Add(("HostSystem", id, "runtime.connectionState", connectionState));

    public void AddVm(string id, string powerState = "poweredOn") => _entities.Add(("VirtualMachine", id, "runtime.powerState", powerState));

    /// <summary>Forgets every session, as the server does at its idle timeout.</summary>
    public void ExpireSessions()
    {
        lock (_liveSessions)
        {
            _liveSessions.Clear();
        }
    }

    /// <summary>The reply vCenter gives a call made without a valid session.</summary>
    public static HttpResponseMessage NotAuthenticatedFault() => SoapMessages.Http(
        SoapMessages.Envelope(
            "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>The session is not authenticated.</faultstring>"
            + "<detail><NotAuthenticatedFault xmlns=\"urn:vim25\" xsi:type=\"NotAuthenticated\"><object type=\"Folder\">group-d1</object>"
            + "<privilegeId>System.View</privilegeId></NotAuthenticatedFault></detail></soapenv:Fault>"),
        HttpStatusCode.InternalServerError);

    private async Task<HttpResponseMessage> RespondAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        if (BeforeReply is { } beforeReply)
        {
            await beforeReply(request);
        }

        if (request.SoapMethod == "Login" && LoginDelay > TimeSpan.Zero)
        {
            await Task.Delay(LoginDelay, cancellationToken);
        }

        if (ExpireWhen is { } expireWhen && expireWhen(request))
        {
            ExpireSessions();
        }

        return Respond(request);
    }

    private HttpResponseMessage Respond(RecordedRequest request)
    {
        switch (request.SoapMethod)
        {
            case "RetrieveServiceContent":
                return _serviceContent.ToResponse();
            case "Login":
                return Login();
            case "QueryPerfCounter":
                throw new InvalidOperationException("QueryPerfCounter crashes the simulator; read perfCounter instead");
        }

        var authenticated = IsAuthenticated(request);
        return request.SoapMethod switch
        {
            "RetrievePropertiesEx" => Retrieve(request, authenticated),
            _ when !authenticated => NotAuthenticatedFault(),
            "CreateContainerView" => CreateView(request),
            "DestroyView" => SoapMessages.Http(SoapMessages.Reply("DestroyView", string.Empty)),
            "QueryPerf" => QueryPerf(request),
            "Logout" => Logout(request),
            _ => throw new InvalidOperationException($"the fake vCenter does not implement {request.SoapMethod}"),
        };
    }

    private HttpResponseMessage CreateView(RecordedRequest request)
    {
        string view;
        lock (_viewTypes)
        {
            view = $"session[fake]view-{_viewTypes.Count + 1}";
            _viewTypes[view] = [.. request.Values("type")];
        }

        return SoapMessages.Http(SoapMessages.Reply("CreateContainerView", $"<returnval type=\"ContainerView\">{view}</returnval>"));
    }

    /// <summary>The entities a view of the given id holds: those of the types it was created for.</summary>
    private IEnumerable<(string Type, string Id, string Property, string State)> InView(string view)
    {
        lock (_viewTypes)
        {
            var types = _viewTypes[view];
            return [.. _entities.Where(e => types.Contains(e.Type))];
        }
    }

    private HttpResponseMessage Login()
    {
        var session = "52" + Interlocked.Increment(ref _logins).ToString("D6", CultureInfo.InvariantCulture);
        lock (_liveSessions)
        {
            _liveSessions.Add(session);
        }

        var response = SoapMessages.Http(SoapMessages.Reply("Login", $"<returnval><key>{session}</key><userName>svc-monitor</userName></returnval>"));
        response.Headers.TryAddWithoutValidation("Set-Cookie", $"vmware_soap_session=\"{session}\"; Path=/; HttpOnly; Secure;");
        return response;
    }

    private HttpResponseMessage Logout(RecordedRequest request)
    {
        lock (_liveSessions)
        {
            _liveSessions.Remove(SessionOf(request) ?? string.Empty);
        }

        return SoapMessages.Http(SoapMessages.Reply("Logout", string.Empty));
    }

    private bool IsAuthenticated(RecordedRequest request)
    {
        lock (_liveSessions)
        {
            return SessionOf(request) is { } session && _liveSessions.Contains(session);
        }
    }

    private static string? SessionOf(RecordedRequest request) =>
        request.Cookie is { } cookie && cookie.StartsWith("vmware_soap_session=", StringComparison.Ordinal)
            ? cookie["vmware_soap_session=".Length..].Trim('"')
            : null;

    private HttpResponseMessage Retrieve(RecordedRequest request, bool authenticated)
    {
        var obj = request.Single("obj");
        var isCatalog = (string?)obj.Attribute("type") == "PerformanceManager";

        // What vCenter and the simulator do with a property they will not read: the object comes back
        // with every requested property in its missingSet, with the fault that stopped it.
        var fault = !authenticated ? "NotAuthenticated" : isCatalog ? CatalogFault : null;
        if (fault is not null)
        {
            var paths = request.Values("pathSet");
            string[] missing = isCatalog
                ? [Object("PerformanceManager", obj.Value, [.. paths.Select(p => Missing(p, fault))])]
                : [.. InView(obj.Value).Select(e => Object(e.Type, e.Id, Missing(e.Property, fault)))];
            return SoapMessages.Http(SoapMessages.RetrieveResult("RetrievePropertiesEx", null, missing));
        }

        if (isCatalog)
        {
            return SoapMessages.Http(SoapMessages.RetrieveResult("RetrievePropertiesEx", null, Object("PerformanceManager", obj.Value, Catalog())));
        }

        var objects = InView(obj.Value).Select(e => Object(e.Type, e.Id, Text(e.Property, e.State, e.Type == "HostSystem" ? "HostSystemConnectionState" : "VirtualMachinePowerState"))).ToArray();
        return SoapMessages.Http(SoapMessages.RetrieveResult("RetrievePropertiesEx", null, objects));
    }

    private string Catalog()
    {
        var infos = new List<string>
        {
            // Same group and name as a wanted counter, other rollups: the lookup must use the full name.
            CounterInfo(501, "cpu", "usage", "none", "percent"),
            CounterInfo(503, "cpu", "usage", "maximum", "percent"),
            CounterInfo(597, "mem", "consumed", "none", "kiloBytes"),
        };
        foreach (var (name, id) in CounterIds)
        {
            var parts = name.Split('.');
            if (!MissingCounters.Contains(name))
            {
                infos.Add(CounterInfo(id, parts[0], parts[1], parts[2], s_units[name]));
            }
        }

        return $"<propSet><name>perfCounter</name><val xsi:type=\"ArrayOfPerfCounterInfo\">{string.Concat(infos)}</val></propSet>";
    }

    private static string CounterInfo(int key, string group, string name, string rollup, string unit) =>
        $"<PerfCounterInfo><key>{key}</key>"
        + $"<nameInfo xsi:type=\"ElementDescription\"><label>{name}</label><summary>{name}</summary><key>{name}</key></nameInfo>"
        + $"<groupInfo xsi:type=\"ElementDescription\"><label>{group}</label><summary>{group}</summary><key>{group}</key></groupInfo>"
        + $"<unitInfo xsi:type=\"ElementDescription\"><label>{unit}</label><summary>{unit}</summary><key>{unit}</key></unitInfo>"
        + $"<rollupType>{rollup}</rollupType><statsType>rate</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>";

    private HttpResponseMessage QueryPerf(RecordedRequest request)
    {
        var names = CounterIds.ToDictionary(p => p.Value, p => p.Key);
        var results = new List<string>();
        foreach (var spec in XDocument.Parse(request.Body).Descendants().Where(e => e.Name.LocalName == "querySpec"))
        {
            var entity = spec.Elements().Single(e => e.Name.LocalName == "entity");
            var samples = string.Concat(Timestamps.Select(t => $"<sampleInfo><timestamp>{t.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z</timestamp><interval>20</interval></sampleInfo>"));
            var series = new List<string>();
            foreach (var metricId in spec.Elements().Where(e => e.Name.LocalName == "metricId"))
            {
                var counterId = int.Parse(metricId.Elements().Single(e => e.Name.LocalName == "counterId").Value, CultureInfo.InvariantCulture);
                var name = names[counterId];
                var values = string.Concat(Enumerable.Range(0, Timestamps.Count).Select(i => $"<value>{Value(entity.Value, name, i).ToString(CultureInfo.InvariantCulture)}</value>"));
                series.Add($"<value xsi:type=\"PerfMetricIntSeries\"><id><counterId>{counterId}</counterId><instance></instance></id>{values}</value>");
            }

            results.Add($"<returnval xsi:type=\"PerfEntityMetric\"><entity type=\"{(string?)entity.Attribute("type")}\">{entity.Value}</entity>{samples}{string.Concat(series)}</returnval>");
        }

        return SoapMessages.Http(SoapMessages.Reply("QueryPerf", string.Concat(results)));
    }
}
