using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.WinRM;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.Remediation.HyperV;
using Monitoring.Sources.WinRM;
using Monitoring.Sources.WinRM.HyperV;
using Xunit;

namespace Monitoring.IntegrationTests.Remediation.HyperV;

/// <summary>Hyper-V live migration against the WS-Man test endpoint answering as a Server 2016 host (profile
/// <c>hyperv-2016</c>): the method's reply and the job's states are generated from Microsoft's class definitions
/// inside captured envelopes (docs/sources/winrm.md). No Hyper-V host runs here.</summary>
public sealed class HyperVMigrationTests : IAsyncLifetime, IDisposable
{
    private const string Profile = "hyperv-2016";
    private const string VmGuid = "5E6F7A8B-9C0D-4E1F-A2B3-C4D5E6F7A801";
    private const string Job = "Get.Msvm_ConcreteJob";
    private readonly Workspace _workspace = new();
    private readonly List<string> _progress = [];
    private WsManEndpoint _endpoint = null!;
    private WinRMSessionPool _pool = null!;
    private LoadedConfiguration _configuration = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await WsManEndpoint.StartAsync(Profile);
        _configuration = ConfigurationLoader.Load(_workspace.WriteConfig(_endpoint.Target("hv", "HyperV")), new Dictionary<string, string?>());
        _pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);
    }

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    public void Dispose()
    {
        _pool.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Migrate_JobRunsThenCompletes_ResolvedAfterFollowingTheJob()
    {
        _endpoint.ReplySequences[Job] = new([Job + ".running", Job + ".running", Job + ".completed"]);

        var outcome = await Executor().ExecuteAsync(MigrationTip(), _progress.Add, CancellationToken.None);

        var jobId = ServedJobId();
        Assert.True(outcome.Succeeded, outcome.Result);
        Assert.Equal($"migrated to HV16-02 (job {jobId} completed)", outcome.Result);
        Assert.Equal(3, _endpoint.Requests(Job));
        Assert.Contains($"migration job {jobId} started on hv", _progress);
        Assert.Contains($"migration job {jobId}: Running, 40 %", _progress);

        // What the host was asked: this VM, live (MigrationType 32768), to the tip's destination; then the job it named.
        XNamespace w = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
        var call = XDocument.Parse(_endpoint.LastRequest("MigrateVirtualSystemToHost")!);
        var input = call.Descendants().Single(e => e.Name.LocalName == "MigrateVirtualSystemToHost_INPUT");
        Assert.Equal(VmGuid, input.Descendants(w + "Selector").Single(s => (string?)s.Attribute("Name") == "Name").Value);
        Assert.Equal("HV16-02", input.Elements().Single(e => e.Name.LocalName == "DestinationHost").Value);
        var settings = XElement.Parse(input.Elements().Single(e => e.Name.LocalName == "MigrationSettingData").Value);
        Assert.Equal(("Msvm_VirtualSystemMigrationSettingData", "32768"), ((string?)settings.Attribute("CLASSNAME"), settings.Descendants("VALUE").Single().Value));
        var get = XDocument.Parse(_endpoint.LastRequest(Job)!);
        Assert.Equal(jobId, get.Descendants(w + "Selector").Single(s => (string?)s.Attribute("Name") == "InstanceID").Value);
    }

    [Fact]
    public async Task Migrate_JobEndsInException_FailedWithTheHostsErrorDescription()
    {
        _endpoint.ReplySequences[Job] = new([Job + ".running", Job + ".exception"]);

        var outcome = await Executor().ExecuteAsync(MigrationTip(), _progress.Add, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        var served = ServedReply.Instances(Profile, "Msvm_ConcreteJob", Job + ".exception").Single();
        Assert.Equal(served["ErrorDescription"], outcome.Result);
    }

    [Fact]
    public async Task Migrate_AccessDenied_TypedPermissionFaultAndTheTipFailsNamingTheRightsNeeded()
    {
        _endpoint.Faults["MigrateVirtualSystemToHost"] = WsManEndpoint.CapturedFault(0x80041003, "w:AccessDenied", "Access denied ");

        var e = await Assert.ThrowsAsync<TargetFailureException>(() =>
            Migrator().MigrateAsync(_configuration.Targets[0], VmGuid, "HV16-02", TimeSpan.FromSeconds(10), _progress.Add, CancellationToken.None));
        var outcome = await Executor().ExecuteAsync(MigrationTip(), _progress.Add, CancellationToken.None);

        Assert.Equal(FailureKind.Permission, e.Kind);
        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Permission: MigrateVirtualSystemToHost: access denied (wsman:AccessDenied, code 0x80041003", outcome.Result, StringComparison.Ordinal);
        Assert.Contains("Hyper-V Administrators", outcome.Result, StringComparison.Ordinal);
        Assert.DoesNotContain("winrm-test-pass", outcome.Result, StringComparison.Ordinal);
        Assert.Equal(0, _endpoint.Requests(Job));
    }

    [Fact]
    public async Task Migrate_HostRefusesForTheVmsState_FailedWithTheReturnCodeAndItsMeaning()
    {
        _endpoint.ReplySequences["MigrateVirtualSystemToHost"] = new(["MigrateVirtualSystemToHost.invalid-state"]);

        var outcome = await Executor().ExecuteAsync(MigrationTip(), _progress.Add, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("MigrateVirtualSystemToHost returned 32775 (Invalid State for this operation)", outcome.Result);
        Assert.Equal(0, _endpoint.Requests(Job));
    }

    [Fact]
    public async Task Migrate_JobStillRunningAtTheTimeout_FailedSayingItMayStillComplete()
    {
        _endpoint.ReplySequences[Job] = new([Job + ".running"]);
        var executor = new HyperVMigrationExecutor(Migrator(), _configuration) { JobTimeout = TimeSpan.FromSeconds(1) };

        var outcome = await executor.ExecuteAsync(MigrationTip(), _progress.Add, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal($"migration job {ServedJobId()} did not finish within 1 s (Running); it may still complete on the host", outcome.Result);
    }

    [Fact]
    public void CanExecute_OnlyMigrationsOfVmsOnHyperVTargets()
    {
        var executor = Executor();

        Assert.True(executor.CanExecute(MigrationTip()));
        Assert.False(executor.CanExecute(MigrationTip(TipAction.Migration("vc01/vm-42", "vc01/host-1", "vc01/host-2"))));
        Assert.False(executor.CanExecute(MigrationTip(TipAction.StartVm("hv/" + VmGuid))));
        Assert.False(executor.CanExecute(MigrationTip(TipAction.RunHook("drain"))));
    }

    private static Tip MigrationTip(TipAction? action = null) => new()
    {
        Id = "tip-hv",
        ConditionKey = "balance/cluster-hv/" + VmGuid,
        Target = "hv/" + VmGuid,
        Status = TipStatus.Running,
        Action = action ?? TipAction.Migration("hv/" + VmGuid, "hv/HV16-01", "hv2/HV16-02"),
        Summary = "Live-migrate app-01 from HV16-01 to HV16-02",
        Details = "d",
        Cause = "c",
        ExpectedEffect = "e",
    };

    /// <summary>The job id the served <c>MigrateVirtualSystemToHost</c> reply names.</summary>
    private static string ServedJobId()
    {
        var reply = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "generated", Profile, "MigrateVirtualSystemToHost.xml"));
        return reply.Descendants().Single(e => e.Name.LocalName == "Selector" && (string?)e.Attribute("Name") == "InstanceID").Value;
    }

    private HyperVMigrator Migrator() => new(_pool, TimeProvider.System, NullLogger<HyperVMigrator>.Instance) { PollInterval = TimeSpan.FromMilliseconds(100) };

    private HyperVMigrationExecutor Executor() => new(Migrator(), _configuration);
}
