using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Actions;
using TipAction = global::Monitoring.Remediation.Tips.TipAction;
using Tip = global::Monitoring.Remediation.Tips.Tip;
using TipActionOutcome = global::Monitoring.Remediation.Actions.TipActionOutcome;
using ITipActionExecutor = global::Monitoring.Remediation.Actions.ITipActionExecutor;

namespace Monitoring.Service.Remediation.VSphereTipActions;

/// <summary>Carries out <c>migrate</c>, <c>enterMaintenance</c> and <c>powerOn</c> tips whose ids belong to a
/// vSphere target of the configuration (ids are <c>&lt;target&gt;/&lt;managed-object id&gt;</c>).</summary>
/// <remarks>The target is looked up when the tip runs, not when it was raised, so a password changed since
/// (or a target removed from the configuration) is honoured. The outcome's text is the vSphere action's: a
/// failure keeps the server's fault type, e.g. <c>ManagedObjectNotFound</c> for a VM deleted meanwhile.</remarks>
internal sealed class VSphereTipActionExecutor : ITipActionExecutor
{
    private readonly VSphereActions _actions;
    private readonly Func<string, TargetDefinition?> _findTarget;
    private readonly TimeSpan _timeout;

    /// <param name="actions">The vSphere actions, over the service's shared sessions.</param>
    /// <param name="findTarget">The current definition of a target by its config name, or null.</param>
    /// <param name="timeout">How long a task is followed (<c>Monitoring:Remediation:ActionTimeoutSeconds</c>).</param>
    public VSphereTipActionExecutor(VSphereActions actions, Func<string, TargetDefinition?> findTarget, TimeSpan timeout)
    {
        _actions = actions;
        _findTarget = findTarget;
        _timeout = timeout;
    }

    /// <inheritdoc/>
    public bool CanExecute(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return Resolve(tip.Action) is not null;
    }

    /// <inheritdoc/>
    public async Task<TipActionOutcome> ExecuteAsync(Tip tip, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        if (Resolve(tip.Action) is not { } action)
        {
            return TipActionOutcome.Failure($"the {tip.Action.Kind} action does not name objects of a vSphere target in the configuration (any longer)");
        }

        var result = action.Kind switch
        {
            TipAction.Migrate => await _actions.MigrateVmAsync(action.Target, action.Vm!, action.Host!, _timeout, progress, cancellationToken).ConfigureAwait(false),
            TipAction.EnterMaintenance => await _actions.EnterMaintenanceModeAsync(action.Target, action.Host!, _timeout, progress, cancellationToken).ConfigureAwait(false),
            _ => await _actions.PowerOnVmAsync(action.Target, action.Vm!, _timeout, progress, cancellationToken).ConfigureAwait(false),
        };
        return result.Succeeded ? TipActionOutcome.Success(result.Message) : TipActionOutcome.Failure(result.Message);
    }

    /// <summary>The action on its vSphere target, or null when the kind is not ours, a parameter is missing,
    /// the ids name different targets, or the target is not a vSphere one.</summary>
    internal VSphereTipAction? Resolve(TipAction action) => action.Kind switch
    {
        // "from" only describes the move: the VM goes to "to" from wherever it runs now.
        TipAction.Migrate => Resolve(action, "vm", "to"),
        TipAction.EnterMaintenance => Resolve(action, null, "host"),
        TipAction.PowerOn => Resolve(action, "vm", null),
        _ => null,
    };

    private VSphereTipAction? Resolve(TipAction action, string? vmParameter, string? hostParameter)
    {
        var vm = vmParameter is null ? null : Id(action, vmParameter);
        var host = hostParameter is null ? null : Id(action, hostParameter);
        if ((vmParameter is not null && vm is null) || (hostParameter is not null && host is null))
        {
            return null;
        }

        var targetName = (vm ?? host)!.Value.Target;
        if (vm is { } v && host is { } h && v.Target != h.Target)
        {
            return null;
        }

        return _findTarget(targetName) is { Kind: TargetKind.VSphere } target
            ? new VSphereTipAction(action.Kind, target, vm?.Key, host?.Key)
            : null;
    }

    private static InventoryIdParts? Id(TipAction action, string parameter) =>
        action.Parameters.TryGetValue(parameter, out var id) ? InventoryIdParts.Parse(id) : null;
}
