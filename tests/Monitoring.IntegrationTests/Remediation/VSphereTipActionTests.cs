using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Demo;
using Monitoring.Service.Remediation.VSphereTipActions;
using Monitoring.Sources.VSphere;
using Monitoring.Sources.VSphere.Actions;
using Xunit;

namespace Monitoring.IntegrationTests.Remediation;

/// <summary>The vSphere tip actions against the real simulator, through the executor the service uses.
/// What changed is read back with pyvmomi, an independent client, never with our own.</summary>
public sealed class VSphereTipActionTests
{
    private const string TargetName = "vc1";

    // One cluster of 3 hosts with 4 VMs spread over them, and one standalone host with 4 VMs of its own.
    private static readonly string[] s_model = ["-dc", "1", "-cluster", "1", "-host", "3", "-standalone-host", "1", "-vm", "4", "-ds", "1"];

    [Fact]
    public async Task Migrate_ClusterVmToAnotherHostOfItsCluster_PyvmomiSeesTheVmOnTheNewHost()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        var before = await PyVmomi.InventoryAsync(simulator, TargetName);
        var vm = Vm(before, "DC0_C0_RP0_VM0");
        var to = Hosts(before).First(h => h.GetProperty("cluster").GetString() == "DC0_C0" && h.GetProperty("id").GetString() != vm.GetProperty("hostId").GetString());
        var notes = new List<string>();
        await using var pool = Pool();

        var outcome = await Executor(pool, simulator).ExecuteAsync(Tip(TipAction.Migration(Id(vm), vm.GetProperty("hostId").GetString()!, Id(to))), notes.Add, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        var after = Vm(await PyVmomi.InventoryAsync(simulator, TargetName), "DC0_C0_RP0_VM0");
        Assert.Equal(Id(to), after.GetProperty("hostId").GetString());
        Assert.Contains("succeeded", outcome.Result, StringComparison.Ordinal);
        Assert.Single(notes, n => n.Contains("started: RelocateVM_Task", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_VmToAStandaloneHostOutsideItsCluster_PyvmomiSeesTheVmThere()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        var before = await PyVmomi.InventoryAsync(simulator, TargetName);
        var vm = Vm(before, "DC0_C0_RP0_VM1");
        var standalone = Hosts(before).Single(h => h.GetProperty("cluster").ValueKind == JsonValueKind.Null);
        await using var pool = Pool();

        var outcome = await Executor(pool, simulator).ExecuteAsync(Tip(TipAction.Migration(Id(vm), vm.GetProperty("hostId").GetString()!, Id(standalone))), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        Assert.Equal(Id(standalone), Vm(await PyVmomi.InventoryAsync(simulator, TargetName), "DC0_C0_RP0_VM1").GetProperty("hostId").GetString());
    }

    [Fact]
    public async Task Migrate_VmDestroyedBeforeTheAction_FailsWithTheServersManagedObjectNotFound()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        var before = await PyVmomi.InventoryAsync(simulator, TargetName);
        var vm = Vm(before, "DC0_C0_RP0_VM2");
        var to = Hosts(before).First(h => h.GetProperty("cluster").GetString() == "DC0_C0" && h.GetProperty("id").GetString() != vm.GetProperty("hostId").GetString());
        await PyVmomi.ActAsync(simulator, "destroy", "DC0_C0_RP0_VM2");
        await using var pool = Pool();

        var outcome = await Executor(pool, simulator).ExecuteAsync(Tip(TipAction.Migration(Id(vm), vm.GetProperty("hostId").GetString()!, Id(to))), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("ManagedObjectNotFound", outcome.Result, StringComparison.Ordinal);
        Assert.Contains(vm.GetProperty("id").GetString()!.Split('/')[1], outcome.Result, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Password, outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PowerOn_PoweredOffVm_PyvmomiSeesItPoweredOn()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        await PyVmomi.ActAsync(simulator, "power-off", "DC0_H0_VM0");
        var vm = Vm(await PyVmomi.InventoryAsync(simulator, TargetName), "DC0_H0_VM0");
        Assert.Equal("poweredOff", vm.GetProperty("powerState").GetString());
        await using var pool = Pool();

        var outcome = await Executor(pool, simulator).ExecuteAsync(Tip(TipAction.StartVm(Id(vm))), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        Assert.Equal("poweredOn", Vm(await PyVmomi.InventoryAsync(simulator, TargetName), "DC0_H0_VM0").GetProperty("powerState").GetString());
    }

    [Fact]
    public async Task PowerOn_VmAlreadyRunning_FailsWithTheTasksInvalidPowerState()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        var vm = Vm(await PyVmomi.InventoryAsync(simulator, TargetName), "DC0_H0_VM1");
        await using var pool = Pool();

        var outcome = await Executor(pool, simulator).ExecuteAsync(Tip(TipAction.StartVm(Id(vm))), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("PowerOnVM_Task", outcome.Result, StringComparison.Ordinal);
        Assert.Contains("InvalidPowerState", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterMaintenance_Host_PyvmomiSeesItInMaintenanceMode()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        var host = Hosts(await PyVmomi.InventoryAsync(simulator, TargetName)).First(h => h.GetProperty("cluster").GetString() == "DC0_C0");
        Assert.False(host.GetProperty("inMaintenanceMode").GetBoolean());
        await using var pool = Pool();

        var outcome = await Executor(pool, simulator).ExecuteAsync(Tip(TipAction.HostMaintenance(Id(host))), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        var after = Hosts(await PyVmomi.InventoryAsync(simulator, TargetName)).Single(h => Id(h) == Id(host));
        Assert.True(after.GetProperty("inMaintenanceMode").GetBoolean());
    }

    [Fact]
    public async Task AnyAction_TargetRefusesTheLogin_FailsNamingInvalidLoginWithoutTheSecret()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        var vm = Vm(await PyVmomi.InventoryAsync(simulator, TargetName), "DC0_H0_VM2");
        const string WrongPassword = "Wr0ng-Pa55word!";
        await using var pool = Pool();
        var executor = new VSphereTipActionExecutor(Actions(pool), name => name == TargetName ? Target(simulator, WrongPassword) : null, TimeSpan.FromSeconds(30));

        var outcome = await executor.ExecuteAsync(Tip(TipAction.StartVm(Id(vm))), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("InvalidLogin", outcome.Result, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, outcome.Result, StringComparison.Ordinal);
    }

    private static VSphereSessionPool Pool() => new(NullLogger<VSphereSessionPool>.Instance);

    private static VSphereActions Actions(VSphereSessionPool pool) => new(pool, NullLogger<VSphereActions>.Instance, TimeProvider.System);

    private static VSphereTipActionExecutor Executor(VSphereSessionPool pool, SimulatorProcess simulator) =>
        new(Actions(pool), name => name == TargetName ? Target(simulator, Simulator.Password) : null, TimeSpan.FromSeconds(60));

    private static TargetDefinition Target(SimulatorProcess simulator, string password) =>
        new(
            TargetName,
            TargetKind.VSphere,
            simulator.Endpoint.Url,
            Simulator.User,
            new Secret(password),
            Convert.FromHexString(simulator.Endpoint.Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            256,
            null);

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

    private static JsonElement Vm(JsonElement inventory, string name) =>
        inventory.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    private static List<JsonElement> Hosts(JsonElement inventory) => [.. inventory.GetProperty("hosts").EnumerateArray()];

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;
}
