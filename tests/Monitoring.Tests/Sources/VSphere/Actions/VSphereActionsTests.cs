using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Sources.VSphere;
using Monitoring.Sources.VSphere.Actions;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Actions;

/// <summary>The requests the actions send (element order as the vim25 schema has it) and how they read task
/// states and faults. Login is a real vCenter 6.0 capture; task replies and faults were captured from govmomi's
/// simulator (TestData/vsphere/vcsim, see SOURCES.md): no public capture of a real vCenter's task replies exists.</summary>
public sealed class VSphereActionsTests
{
    private const string Vcsim = "vsphere/vcsim/";
    private const string Password = "Tr0ub4dor&3-not-for-logs";

    [Fact]
    public async Task MigrateVmAsync_PoolBelongsToTheDestinationsCluster_SendsOnlyTheHostAndFollowsTheTaskToSuccess()
    {
        var server = new ScriptedVCenter();
        server.Objects["vm-51"] = Vm("host-21", "resgroup-8");
        server.Objects["host-34"] = Property("HostSystem", "host-34", "parent", "ClusterComputeResource", "domain-c7");
        server.Objects["resgroup-8"] = Property("ResourcePool", "resgroup-8", "owner", "ClusterComputeResource", "domain-c7");
        server.Methods["RelocateVM_Task"] = Captured("relocate_task_response.xml");
        server.Objects["task-62"] = Captured("task_info_success.xml");
        var notes = new List<string>();

        var result = await Run(server, a => a.MigrateVmAsync(TestTargets.VSphere(password: Password), "vm-51", "host-34", TimeSpan.FromSeconds(30), notes.Add, CancellationToken.None));

        Assert.True(result.Succeeded, result.Message);
        var relocate = server.Handler.Requests.Single(r => r.SoapMethod == "RelocateVM_Task");
        Assert.Equal(["_this", "spec", "priority"], [.. relocate.Single("RelocateVM_Task").Elements().Select(e => e.Name.LocalName)]);
        Assert.Equal(["host"], [.. relocate.Single("spec").Elements().Select(e => e.Name.LocalName)]);
        Assert.Equal("host-34", relocate.Single("host").Value);
        Assert.Equal("HostSystem", (string?)relocate.Single("host").Attribute("type"));
        Assert.Equal("defaultPriority", relocate.Single("priority").Value);
        Assert.Equal("task-62 succeeded: RelocateVM_Task of vm-51 to host-34", result.Message);
        Assert.Equal(["task-62 started: RelocateVM_Task of vm-51 to host-34"], notes);
        Assert.All(server.Handler.Requests.Where(r => r.SoapMethod != "Login"), r => Assert.DoesNotContain(Password, r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrateVmAsync_PoolOfAnotherComputeResource_SendsTheDestinationsRootPoolBeforeTheHost()
    {
        var server = new ScriptedVCenter();
        server.Objects["vm-51"] = Vm("host-21", "resgroup-8");
        server.Objects["host-42"] = Property("HostSystem", "host-42", "parent", "ComputeResource", "domain-s40");
        server.Objects["resgroup-8"] = Property("ResourcePool", "resgroup-8", "owner", "ClusterComputeResource", "domain-c7");
        server.Objects["domain-s40"] = Property("ComputeResource", "domain-s40", "resourcePool", "ResourcePool", "resgroup-41");
        server.Methods["RelocateVM_Task"] = Captured("relocate_task_response.xml");
        server.Objects["task-62"] = Captured("task_info_success.xml");

        var result = await Run(server, a => a.MigrateVmAsync(TestTargets.VSphere(), "vm-51", "host-42", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.True(result.Succeeded, result.Message);
        var spec = server.Handler.Requests.Single(r => r.SoapMethod == "RelocateVM_Task").Single("spec");
        Assert.Equal(["pool", "host"], [.. spec.Elements().Select(e => e.Name.LocalName)]);
        Assert.Equal("resgroup-41", spec.Elements().First().Value);
        Assert.Equal("ResourcePool", (string?)spec.Elements().First().Attribute("type"));
    }

    [Fact]
    public async Task MigrateVmAsync_VmAlreadyOnTheHost_SucceedsWithoutStartingATask()
    {
        var server = new ScriptedVCenter();
        server.Objects["vm-51"] = Vm("host-34", "resgroup-8");

        var result = await Run(server, a => a.MigrateVmAsync(TestTargets.VSphere(), "vm-51", "host-34", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.Contains("already runs on the requested host", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RelocateVM_Task", server.Handler.Methods);
    }

    [Fact]
    public async Task MigrateVmAsync_VmDeletedBeforehand_FailsWithTheServersManagedObjectNotFound()
    {
        var server = new ScriptedVCenter();
        server.Objects["vm-54"] = Fault("retrieve_not_found_fault.xml");

        var result = await Run(server, a => a.MigrateVmAsync(TestTargets.VSphere(), "vm-54", "host-34", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal("ManagedObjectNotFound", result.FaultType);
        Assert.Equal("RelocateVM_Task of vm-54 to host-34 failed: ManagedObjectNotFound (The object has already been deleted or has not been completely created)", result.Message);
        Assert.DoesNotContain("RelocateVM_Task", server.Handler.Methods);
    }

    [Fact]
    public async Task PowerOnVmAsync_CallFaultsManagedObjectNotFound_FailsKeepingTheFaultName()
    {
        var server = new ScriptedVCenter();
        server.Methods["PowerOnVM_Task"] = Fault("relocate_not_found_fault.xml");

        var result = await Run(server, a => a.PowerOnVmAsync(TestTargets.VSphere(), "vm-54", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal("ManagedObjectNotFound", result.FaultType);
        Assert.StartsWith("PowerOnVM_Task of vm-54 failed: ManagedObjectNotFound", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PowerOnVmAsync_TaskEndsInError_FailsWithTheTasksFaultType()
    {
        var server = new ScriptedVCenter();
        server.Methods["PowerOnVM_Task"] = Captured("poweron_task_response.xml");
        server.Objects["task-61"] = Captured("task_info_error.xml");

        var result = await Run(server, a => a.PowerOnVmAsync(TestTargets.VSphere(), "vm-57", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidPowerState", result.FaultType);

        // The simulator's localized message only repeats the type's name, so it is left out.
        Assert.Equal("PowerOnVM_Task of vm-57 failed: InvalidPowerState", result.Message);
        Assert.Equal("vm-57", server.Handler.Requests.Single(r => r.SoapMethod == "PowerOnVM_Task").Single("_this").Value);
    }

    [Fact]
    public async Task EnterMaintenanceModeAsync_SendsNoServerTimeoutAndKeepsPoweredOffVmsThenWaitsWhileTheTaskRuns()
    {
        var server = new ScriptedVCenter();
        server.Methods["EnterMaintenanceMode_Task"] = Captured("relocate_task_response.xml").Replace("RelocateVM_Task", "EnterMaintenanceMode_Task", StringComparison.Ordinal);
        var looks = 0;
        server.Dynamic["task-62"] = () => Interlocked.Increment(ref looks) < 3 ? TaskState("task-62", "running") : Captured("task_info_success.xml");

        var result = await Run(server, a => a.EnterMaintenanceModeAsync(TestTargets.VSphere(), "host-34", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.True(result.Succeeded, result.Message);
        var call = server.Handler.Requests.Single(r => r.SoapMethod == "EnterMaintenanceMode_Task").Single("EnterMaintenanceMode_Task");
        Assert.Equal(["_this", "timeout", "evacuatePoweredOffVms"], [.. call.Elements().Select(e => e.Name.LocalName)]);
        Assert.Equal(["host-34", "0", "false"], [.. call.Elements().Select(e => e.Value)]);
        Assert.Equal(3, looks);
    }

    [Fact]
    public async Task PowerOnVmAsync_TaskStillRunningAtTheTimeout_FailsSayingItMayStillComplete()
    {
        var server = new ScriptedVCenter();
        server.Methods["PowerOnVM_Task"] = Captured("poweron_task_response.xml");
        server.Dynamic["task-61"] = () => TaskState("task-61", "running");

        var result = await Run(server, a => a.PowerOnVmAsync(TestTargets.VSphere(), "vm-57", TimeSpan.FromSeconds(1), _ => { }, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal("task-61 (PowerOnVM_Task of vm-57) had not finished after 1 s; it may still complete on the server", result.Message);
    }

    [Fact]
    public async Task MigrateVmAsync_SessionExpiresWhileTheTaskRuns_LogsInAgainAndNeverStartsTheTaskTwice()
    {
        var server = new ScriptedVCenter();
        server.Objects["vm-51"] = Vm("host-21", "resgroup-8");
        server.Objects["host-34"] = Property("HostSystem", "host-34", "parent", "ClusterComputeResource", "domain-c7");
        server.Objects["resgroup-8"] = Property("ResourcePool", "resgroup-8", "owner", "ClusterComputeResource", "domain-c7");
        server.Methods["RelocateVM_Task"] = Captured("relocate_task_response.xml");
        var looks = 0;
        server.Dynamic["task-62"] = () => Interlocked.Increment(ref looks) == 1 ? NotAuthenticated() : Captured("task_info_success.xml");

        var result = await Run(server, a => a.MigrateVmAsync(TestTargets.VSphere(), "vm-51", "host-34", TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None));

        Assert.True(result.Succeeded, result.Message);
        Assert.Single(server.Handler.Methods, m => m == "RelocateVM_Task");
        Assert.Equal(2, server.Handler.Methods.Count(m => m == "Login"));
    }

    private static async Task<VSphereActionResult> Run(ScriptedVCenter server, Func<VSphereActions, Task<VSphereActionResult>> act)
    {
        await using var pool = new VSphereSessionPool(NullLogger.Instance, null, (_, _) => server.Handler);
        return await act(new VSphereActions(pool, NullLogger<VSphereActions>.Instance, TimeProvider.System));
    }

    private static string Captured(string file) => File.ReadAllText(TestFiles.PathOf(Vcsim + file));

    /// <summary>A captured fault, answered as vCenter does: HTTP 500.</summary>
    private static string Fault(string file) => "500:" + Captured(file);

    private static string NotAuthenticated() =>
        "500:" + SoapMessages.Envelope(
            "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>The session is not authenticated.</faultstring>"
            + "<detail><NotAuthenticatedFault xmlns=\"urn:vim25\" xsi:type=\"NotAuthenticated\"><object type=\"Task\">task-62</object><privilegeId>System.View</privilegeId></NotAuthenticatedFault></detail></soapenv:Fault>");

    private static string Vm(string host, string pool) =>
        SoapMessages.RetrieveResult(
            "RetrievePropertiesEx",
            null,
            "<objects><obj type=\"VirtualMachine\">vm</obj>"
            + $"<propSet><name>runtime.host</name><val xsi:type=\"ManagedObjectReference\" type=\"HostSystem\">{host}</val></propSet>"
            + $"<propSet><name>resourcePool</name><val xsi:type=\"ManagedObjectReference\" type=\"ResourcePool\">{pool}</val></propSet></objects>");

    private static string Property(string type, string id, string name, string valueType, string value) =>
        SoapMessages.RetrieveResult(
            "RetrievePropertiesEx",
            null,
            $"<objects><obj type=\"{type}\">{id}</obj><propSet><name>{name}</name><val xsi:type=\"ManagedObjectReference\" type=\"{valueType}\">{value}</val></propSet></objects>");

    private static string TaskState(string task, string state) =>
        SoapMessages.RetrieveResult(
            "RetrievePropertiesEx",
            null,
            $"<objects><obj type=\"Task\">{task}</obj><propSet><name>info.state</name><val xsi:type=\"TaskInfoState\">{state}</val></propSet></objects>");

    /// <summary>A vCenter whose login is the real capture and whose other answers each test scripts: property
    /// reads by the object asked about, method calls by name. A reply starting "500:" is sent as HTTP 500.</summary>
    private sealed class ScriptedVCenter
    {
        private readonly CassetteInteraction _serviceContent;
        private readonly CassetteInteraction _login;

        public ScriptedVCenter()
        {
            var cassette = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection.yaml");
            _serviceContent = cassette.Calls("RetrieveServiceContent")[0];
            _login = cassette.Calls("Login")[0];
            Handler = new FakeHandler(Respond);
        }

        public FakeHandler Handler { get; }

        public Dictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Func<string>> Dynamic { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Methods { get; } = new(StringComparer.Ordinal);

        private HttpResponseMessage Respond(RecordedRequest request)
        {
            switch (request.SoapMethod)
            {
                case "RetrieveServiceContent":
                    return _serviceContent.ToResponse();
                case "Login":
                    return _login.ToResponse();
                case "Logout":
                    return SoapMessages.Http(SoapMessages.Reply("Logout", string.Empty));
                case "RetrievePropertiesEx":
                    var obj = request.Single("obj").Value;
                    return Reply(Dynamic.TryGetValue(obj, out var next) ? next() : Objects[obj]);
                default:
                    return Reply(Methods[request.SoapMethod!]);
            }
        }

        private static HttpResponseMessage Reply(string text) =>
            text.StartsWith("500:", StringComparison.Ordinal)
                ? SoapMessages.Http(text[4..], HttpStatusCode.InternalServerError)
                : SoapMessages.Http(text);
    }
}
