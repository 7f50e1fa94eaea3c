using Monitoring.Core.Collection;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Configuration;
using Monitoring.Service.Scheduling;
using Monitoring.Sources.WinRM.HyperV;

namespace Monitoring.Service.Remediation.HyperV;

/// <summary>Carries out <c>migrate</c> tips whose VM lives on a Hyper-V target: a live migration over WS-Man
/// (<see cref="HyperVMigrator"/>) from the VM's host to the host the tip names.</summary>
/// <remarks>The VM's id is <c>&lt;target&gt;/&lt;VM GUID&gt;</c> and the destination's <c>&lt;target&gt;/&lt;computer
/// name&gt;</c> (the inventory's ids): the call goes to the VM's target and names the destination by its computer
/// name, which the source host resolves (live migration needs both hosts in one domain).</remarks>
internal sealed class HyperVMigrationExecutor : ITipActionExecutor
{
    /// <summary>How long a migration job is followed: a large VM's memory copy can take many minutes.</summary>
    public static readonly TimeSpan DefaultJobTimeout = TimeSpan.FromMinutes(30);

    private readonly HyperVMigrator _migrator;
    private readonly LoadedConfiguration _configuration;
    private readonly TargetDirectory? _directory;

    public HyperVMigrationExecutor(HyperVMigrator migrator, LoadedConfiguration configuration, TargetDirectory? directory = null)
    {
        _migrator = migrator;
        _configuration = configuration;
        _directory = directory;
    }

    /// <summary>How long the job is followed; tests shorten it.</summary>
    public TimeSpan JobTimeout { get; init; } = DefaultJobTimeout;

    public bool CanExecute(Tip tip) => Parse(tip) is { } move && Target(move.Vm.Target) is { Kind: TargetKind.HyperV };

    public async Task<TipActionOutcome> ExecuteAsync(Tip tip, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        if (Parse(tip) is not { } move || Target(move.Vm.Target) is not { Kind: TargetKind.HyperV } source)
        {
            return TipActionOutcome.Failure("the tip's VM is not on a configured Hyper-V target");
        }

        try
        {
            var result = await _migrator.MigrateAsync(source, move.Vm.Key, move.To.Key, JobTimeout, progress, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? TipActionOutcome.Success(result.Message) : TipActionOutcome.Failure(result.Message);
        }
        catch (TargetFailureException e)
        {
            // The message names the fault and its codes, never the password (the client's messages carry none).
            return TipActionOutcome.Failure($"{e.Kind}: {e.Message}");
        }
    }

    private TargetDefinition? Target(string name) =>
        _directory?.Find(name) ?? _configuration.Targets.FirstOrDefault(t => t.Name == name);

    private static Move? Parse(Tip tip)
    {
        if (tip.Action.Kind != TipAction.Migrate
            || !tip.Action.Parameters.TryGetValue("vm", out var vm)
            || !tip.Action.Parameters.TryGetValue("to", out var to)
            || Split(vm) is not { } vmId
            || Split(to) is not { } toId)
        {
            return null;
        }

        return new Move(vmId, toId);
    }

    private static (string Target, string Key)? Split(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < id.Length - 1 ? (id[..slash], id[(slash + 1)..]) : null;
    }

    private sealed record Move((string Target, string Key) Vm, (string Target, string Key) To);
}
