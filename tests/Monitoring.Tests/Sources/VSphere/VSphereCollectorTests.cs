using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.VimObjects;

namespace Monitoring.Tests.Sources.VSphere;

public sealed class VSphereCollectorTests
{
    private const string Password = "Tr0ub4dor&3-not-for-logs";
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CollectInventoryAsync_RealInvalidLoginReply_FailsAsAuthenticationNamingTheUserNotThePassword()
    {
        var cassette = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection_bad_password.yaml");
        var handler = FakeHandler.Replay(cassette.SoapInteractions);
        var target = TestTargets.VSphere(username: "my_user", password: "bad_password");

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(handler).CollectInventoryAsync(target, CancellationToken.None));

        Assert.Equal(FailureKind.Authentication, e.Kind);
        Assert.Contains("'my_user'", e.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidLogin", e.Message, StringComparison.Ordinal);
        Assert.Contains("incorrect user name or password", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bad_password", e.ToString(), StringComparison.Ordinal);
        Assert.Equal(["RetrieveServiceContent", "Login"], handler.Methods);
        Assert.Equal(["bad_password"], handler.Requests[1].Values("password")); // it did go to the server, once
    }

    [Fact]
    public async Task CollectInventoryAsync_VCenterWithClusterHostsAndVms_ReturnsTheMappedSnapshot()
    {
        var vcenter = new FakeVCenter();
        vcenter.Add(FakeVCenter.RootFolder, Object("Datacenter", "datacenter-2", Text("name", "DC1")));
        vcenter.Add(
            "datacenter-2",
            Object("ClusterComputeResource", "domain-c7", Text("name", "Prod"), Text("overallStatus", "green", "ManagedEntityStatus")),
            Object("HostSystem", "host-14", Text("name", "esx14.example.net"), Reference("parent", "ClusterComputeResource", "domain-c7"), Text("overallStatus", "green", "ManagedEntityStatus"), Text("runtime.connectionState", "connected", "HostSystemConnectionState"), Text("summary.hardware.numCpuThreads", "32", "xsd:short"), Text("summary.hardware.memorySize", "137391214592", "xsd:long")),
            Object("HostSystem", "host-15", Text("name", "esx15.example.net"), Reference("parent", "ComputeResource", "domain-s12"), Text("overallStatus", "yellow", "ManagedEntityStatus"), Text("runtime.connectionState", "notResponding", "HostSystemConnectionState")),
            Object("VirtualMachine", "vm-22", Text("name", "web-01"), Reference("runtime.host", "HostSystem", "host-14"), Text("runtime.powerState", "poweredOn", "VirtualMachinePowerState"), Text("summary.config.numCpu", "2", "xsd:int"), Text("summary.config.memorySizeMB", "4096", "xsd:int"), Text("overallStatus", "green", "ManagedEntityStatus")),
            Object("VirtualMachine", "vm-23", Text("name", "db-01"), Reference("runtime.host", "HostSystem", "host-15"), Text("runtime.powerState", "suspended", "VirtualMachinePowerState")),
            Object("Datastore", "datastore-11", Text("name", "ds1"), Text("summary.capacity", "1000", "xsd:long"), Text("summary.freeSpace", "250", "xsd:long"), Text("summary.accessible", "true", "xsd:boolean")));
        var time = new FakeTimeProvider(s_now);

        var snapshot = await Collector(vcenter.Handler, time).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal("vc01", snapshot.Target);
        Assert.Equal(s_now, snapshot.CollectedAt);
        Assert.Equal(["vc01/datacenter-2"], snapshot.Datacenters.Select(d => d.Id));
        Assert.Equal(["vc01/domain-c7"], snapshot.Clusters.Select(c => c.Id));
        var hosts = snapshot.Hosts.ToDictionary(h => h.Name);
        Assert.Equal("vc01/domain-c7", hosts["esx14.example.net"].ClusterId);
        Assert.Null(hosts["esx15.example.net"].ClusterId);
        Assert.Equal(HealthState.Critical, hosts["esx15.example.net"].Health.State);
        Assert.Equal((32, 137_391_214_592L), (hosts["esx14.example.net"].CpuCount!.Value, hosts["esx14.example.net"].MemoryBytes!.Value));
        var vms = snapshot.Vms.ToDictionary(v => v.Name);
        Assert.Equal(hosts["esx14.example.net"].Id, vms["web-01"].HostId);
        Assert.Equal(hosts["esx15.example.net"].Id, vms["db-01"].HostId);
        Assert.Equal(PowerState.PoweredOn, vms["web-01"].PowerState);
        Assert.Equal(PowerState.Suspended, vms["db-01"].PowerState);
        Assert.Equal(4096L * 1024 * 1024, vms["web-01"].MemoryBytes);
        Assert.Equal("vc01/datacenter-2", Assert.Single(snapshot.Datastores).DatacenterId);
    }

    [Fact]
    public async Task CollectInventoryAsync_AnyPass_LogsInDestroysItsViewsAndLogsOut()
    {
        var vcenter = new FakeVCenter();
        vcenter.Add(FakeVCenter.RootFolder, Object("Datacenter", "datacenter-2", Text("name", "DC1")), Object("Datacenter", "datacenter-3", Text("name", "DC2")));
        var target = TestTargets.VSphere(username: "svc-monitor");

        await Collector(vcenter.Handler).CollectInventoryAsync(target, CancellationToken.None);

        var methods = vcenter.Handler.Methods;
        Assert.Equal("RetrieveServiceContent", methods[0]);
        Assert.Equal("Login", methods[1]);
        Assert.Equal("Logout", methods[^1]);
        Assert.Equal(3, vcenter.CreatedViews.Count); // the root, then one per datacenter
        Assert.Equal(vcenter.CreatedViews.Order(), vcenter.DestroyedViews.Order());
        Assert.Equal(["svc-monitor"], vcenter.Handler.Requests[1].Values("userName"));
        Assert.Equal([Password], vcenter.Handler.Requests[1].Values("password"));
        Assert.All(vcenter.Handler.Requests.Skip(2), r => Assert.StartsWith("vmware_soap_session=", r.Cookie, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectInventoryAsync_PropertyDeniedByNoPermission_FailsAsPermissionNamingThePropertyAndStillLogsOut()
    {
        var vcenter = new FakeVCenter();
        vcenter.Add(FakeVCenter.RootFolder, Object("Datacenter", "datacenter-2", Text("name", "DC1")));
        vcenter.Add(
            "datacenter-2",
            Object("VirtualMachine", "vm-22", Text("name", "web-01"), Missing("summary.config.numCpu", "NoPermission", "<object type=\"VirtualMachine\">vm-22</object><privilegeId>System.Read</privilegeId>")));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(vcenter.Handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Permission, e.Kind);
        Assert.Contains("summary.config.numCpu", e.Message, StringComparison.Ordinal);
        Assert.Contains("vm-22", e.Message, StringComparison.Ordinal);
        Assert.Contains("NoPermission", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
        Assert.Equal("Logout", vcenter.Handler.Methods[^1]);
        Assert.Equal(vcenter.CreatedViews.Order(), vcenter.DestroyedViews.Order());
    }

    [Fact]
    public async Task CollectInventoryAsync_ObjectDeletedDuringThePass_LeavesItOutAndSucceeds()
    {
        var vcenter = new FakeVCenter();
        vcenter.Add(FakeVCenter.RootFolder, Object("Datacenter", "datacenter-2", Text("name", "DC1")));
        vcenter.Add(
            "datacenter-2",
            Object("VirtualMachine", "vm-22", Text("name", "web-01"), Text("runtime.powerState", "poweredOn")),
            Object("VirtualMachine", "vm-23", Missing("name", "ManagedObjectNotFound", "<obj type=\"VirtualMachine\">vm-23</obj>"), Missing("runtime.powerState", "ManagedObjectNotFound", "<obj type=\"VirtualMachine\">vm-23</obj>")));

        var snapshot = await Collector(vcenter.Handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(["vc01/vm-22"], snapshot.Vms.Select(v => v.Id));
    }

    [Fact]
    public async Task CollectInventoryAsync_PropertiesStayNotAuthenticatedAfterLoggingInAgain_FailsAsAuthentication()
    {
        var vcenter = new FakeVCenter();
        vcenter.Add(FakeVCenter.RootFolder, Object("Datacenter", "datacenter-2", Missing("name", "NotAuthenticated", "<object type=\"Folder\">group-d1</object><privilegeId>System.View</privilegeId>")));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(vcenter.Handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Authentication, e.Kind);
        Assert.Contains("NotAuthenticated", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, vcenter.Handler.Methods.Count(m => m == "Login")); // one renewal, then it gives up
    }

    [Fact]
    public async Task CollectInventoryAsync_Http503_FailsAsProtocol()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { ReasonPhrase = "Service Unavailable" });

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains("503", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectInventoryAsync_BodyIsNotXml_FailsAsProtocol()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Service temporarily unavailable") });

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains("XML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectInventoryAsync_SoapReplyWithoutServiceContent_FailsAsProtocol()
    {
        // A SOAP service that is not vSphere: well-formed, but with nothing the collector can use.
        var handler = new FakeHandler(_ => SoapMessages.Http(SoapMessages.Reply("RetrieveServiceContent", "<returnval><about><apiVersion>6.0</apiVersion></about></returnval>")));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Protocol, e.Kind);
        Assert.Contains("rootFolder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectInventoryAsync_ServerNeverAnswers_FailsAsTimeoutWithinTheTargetsTimeout()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        var target = TestTargets.VSphere(timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(handler).CollectInventoryAsync(target, CancellationToken.None));

        Assert.Equal(FailureKind.Timeout, e.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CollectInventoryAsync_ConnectionRefused_FailsAsUnreachable()
    {
        var handler = new FakeHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (vc01.example.net:443)", new SocketException((int)SocketError.ConnectionRefused)));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(handler).CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Unreachable, e.Kind);
        Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectInventoryAsync_CertificateNotThePinnedOne_FailsAsCertificateShowingBothThumbprints()
    {
        using var presented = TestCertificates.SelfSigned("vc01.example.net");
        using var pinned = TestCertificates.SelfSigned("vc01.example.net");
        var target = TestTargets.VSphere(thumbprint: TestCertificates.Sha256(pinned));
        var collector = new VSphereCollector(NullLogger<VSphereCollector>.Instance, new FakeTimeProvider(s_now), (definition, policy) => new FakeHandler(_ =>
        {
            // What the TLS stack does with the handler's callback: ask the policy, fail the handshake on "no".
            if (!policy.Validate(definition, presented, null, SslPolicyErrors.RemoteCertificateChainErrors))
            {
                throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.");
            }

            throw new InvalidOperationException("the policy accepted a certificate that is not the pinned one");
        }));

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => collector.CollectInventoryAsync(target, CancellationToken.None));

        Assert.Equal(FailureKind.Certificate, e.Kind);
        Assert.Contains(TestCertificates.ColonHex(presented), e.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.ColonHex(pinned), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectInventoryAsync_SuccessfulAndFailedPasses_NeverLogThePassword()
    {
        var logger = new RecordingLogger<VSphereCollector>();
        var vcenter = new FakeVCenter();
        vcenter.Add(FakeVCenter.RootFolder, Object("Datacenter", "datacenter-2", Text("name", "DC1")));
        vcenter.Add("datacenter-2", Object("VirtualMachine", "vm-22", Text("name", "web-01")));
        var refused = FakeHandler.Replay(Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection_bad_password.yaml").SoapInteractions);
        var handlers = new Queue<HttpMessageHandler>([vcenter.Handler, refused]);
        var collector = new VSphereCollector(logger, new FakeTimeProvider(s_now), (_, _) => handlers.Dequeue());

        await collector.CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None);
        await Assert.ThrowsAsync<TargetFailureException>(() => collector.CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line => Assert.DoesNotContain(Password, line, StringComparison.Ordinal));
    }

    private static VSphereCollector Collector(HttpMessageHandler handler, TimeProvider? time = null) =>
        new(NullLogger<VSphereCollector>.Instance, time ?? new FakeTimeProvider(s_now), (_, _) => handler);
}
