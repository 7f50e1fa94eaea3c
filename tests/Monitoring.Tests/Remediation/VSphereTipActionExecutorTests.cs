using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.Remediation.VSphereTipActions;
using Monitoring.Sources.VSphere;
using Monitoring.Sources.VSphere.Actions;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Remediation;

/// <summary>Which tips the vSphere executor takes: its three kinds, on ids of one vSphere target of the
/// configuration; everything else is left to the other executors.</summary>
public sealed class VSphereTipActionExecutorTests : IAsyncDisposable
{
    private static readonly IEqualityComparer<VSphereTipAction?> s_comparer = EqualityComparer<VSphereTipAction?>.Create(
        (a, b) => a is null || b is null ? a is null && b is null : (a.Kind, a.Target.Name, a.Target.Kind, a.Vm, a.Host) == (b.Kind, b.Target.Name, b.Target.Kind, b.Vm, b.Host),
        a => a?.Kind.GetHashCode(StringComparison.Ordinal) ?? 0);

    private readonly VSphereSessionPool _pool = new(NullLogger<VSphereSessionPool>.Instance);
    private readonly VSphereTipActionExecutor _executor;

    public VSphereTipActionExecutorTests()
    {
        TargetDefinition[] targets =
        [
            TestTargets.VSphere(name: "vc01"),
            TestTargets.VSphere(name: "vc02"),
            TestTargets.VSphere(name: "hv01") with { Kind = TargetKind.HyperV },
        ];
        _executor = new VSphereTipActionExecutor(
            new VSphereActions(_pool, NullLogger<VSphereActions>.Instance, TimeProvider.System),
            name => targets.FirstOrDefault(t => t.Name == name),
            TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void CanExecute_ItsThreeKindsOnAVSphereTarget_TakesThemWithTheManagedObjectIds()
    {
        Assert.Equal(new VSphereTipAction(TipAction.Migrate, TestTargets.VSphere(name: "vc01"), "vm-42", "host-21"), Resolve(TipAction.Migration("vc01/vm-42", "vc01/host-9", "vc01/host-21")), s_comparer);
        Assert.Equal(new VSphereTipAction(TipAction.EnterMaintenance, TestTargets.VSphere(name: "vc02"), null, "host-9"), Resolve(TipAction.HostMaintenance("vc02/host-9")), s_comparer);
        Assert.Equal(new VSphereTipAction(TipAction.PowerOn, TestTargets.VSphere(name: "vc01"), "vm-7", null), Resolve(TipAction.StartVm("vc01/vm-7")), s_comparer);
        Assert.True(_executor.CanExecute(Tip(TipAction.StartVm("vc01/vm-7"))));
    }

    [Theory]
    [InlineData("hyper-v target", TipAction.PowerOn, "vm", "hv01/Msvm_ComputerSystem.Name=\"1\"")]
    [InlineData("target not configured", TipAction.PowerOn, "vm", "gone/vm-7")]
    [InlineData("not an inventory id", TipAction.PowerOn, "vm", "vm-7")]
    [InlineData("parameter missing", TipAction.EnterMaintenance, "vm", "vc01/vm-7")]
    [InlineData("a hook", TipAction.Hook, "hook", "restart-web")]
    public void CanExecute_NotOurs_LeavesTheTipToAnotherExecutor(string why, string kind, string parameter, string value)
    {
        var action = new TipAction(kind, new Dictionary<string, string>(StringComparer.Ordinal) { [parameter] = value });

        Assert.False(_executor.CanExecute(Tip(action)), why);
    }

    [Fact]
    public void CanExecute_MigrationBetweenTwoTargets_IsRefused()
    {
        Assert.False(_executor.CanExecute(Tip(TipAction.Migration("vc01/vm-42", "vc01/host-9", "vc02/host-21"))));
    }

    [Fact]
    public async Task ExecuteAsync_TargetRemovedFromTheConfigurationSinceTheTipWasRaised_FailsSayingSo()
    {
        var outcome = await _executor.ExecuteAsync(Tip(TipAction.StartVm("gone/vm-7")), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("vSphere target in the configuration", outcome.Result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 600)]
    [InlineData("45", 45)]
    public void ActionTimeout_FromTheConfiguration_DefaultsToTenMinutes(string? configured, int seconds)
    {
        var environment = new Dictionary<string, string?>();
        if (configured is not null)
        {
            environment["Monitoring__Remediation__ActionTimeoutSeconds"] = configured;
        }

        var loaded = ConfigurationLoader.Load(null, environment);

        Assert.Equal(TimeSpan.FromSeconds(seconds), ActionTimeout.Of(loaded.Options.Remediation));
    }

    [Fact]
    public void ActionTimeout_OutOfRange_StopsStartUpNamingTheKey()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, new Dictionary<string, string?> { ["Monitoring__Remediation__ActionTimeoutSeconds"] = "1" }));

        Assert.Contains("Monitoring:Remediation:ActionTimeoutSeconds: 1 is out of range; allowed 5 to 86400 (default 600)", e.Problems);
    }

    public async ValueTask DisposeAsync() => await _pool.DisposeAsync();

    private VSphereTipAction? Resolve(TipAction action) => _executor.Resolve(action);

    private static Tip Tip(TipAction action) => new()
    {
        Id = "tip-1",
        ConditionKey = "test",
        Target = action.Parameters.Values.First(),
        Action = action,
        Summary = "test",
        Details = "test",
        Cause = "test",
        ExpectedEffect = "test",
    };
}
