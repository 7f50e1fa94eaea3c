using System.Globalization;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Actions;

/// <summary>Changes a vSphere inventory on a tip's behalf: live-migrates a VM, puts a host in maintenance mode,
/// powers a VM on. Each starts a server task and follows it to its end, bounded by a timeout.</summary>
/// <remarks>
/// Runs on the target's shared session from the <see cref="VSphereSessionPool"/>. Starting the task and each
/// look at its progress are separate uses of the pool, so a session that expires while a migration runs is
/// renewed for the next look without the pool's retry ever starting the task a second time.
/// A fault the server answers with (on the call, or in the finished task's <c>info.error</c>) ends the action
/// as a failure that keeps the fault's type, e.g. <c>ManagedObjectNotFound</c> for a VM deleted meanwhile;
/// nothing here throws for what the server refuses. A task still running at the timeout is left running on
/// the server (a live migration cancelled half-way gains nothing) and reported as not finished.
/// </remarks>
public sealed class VSphereActions
{
    private static readonly TimeSpan s_firstLook = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(2);

    private readonly VSphereSessionPool _pool;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public VSphereActions(VSphereSessionPool pool, ILogger<VSphereActions> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <summary>Live-migrates VM <paramref name="vm"/> (a managed-object id such as <c>vm-42</c>) to host
    /// <paramref name="host"/> (<c>host-21</c>) with <c>RelocateVM_Task</c>; its disks stay where they are.
    /// A VM already on that host is a success without a task.</summary>
    public Task<VSphereActionResult> MigrateVmAsync(TargetDefinition target, string vm, string host, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        var vmRef = new ManagedObjectReference("VirtualMachine", vm);
        var hostRef = new ManagedObjectReference("HostSystem", host);
        return RunAsync(
            target,
            "RelocateVM_Task",
            vmRef,
            $"{vm} to {host}",
            timeout,
            progress,
            async (session, ct) => await RelocationPlanner.NeedsMoveAsync(session, vmRef, hostRef, ct).ConfigureAwait(false) is { } plan
                ? await session.RelocateVmAsync(vmRef, hostRef, plan.Pool, ct).ConfigureAwait(false)
                : null,
            cancellationToken);
    }

    /// <summary>Puts host <paramref name="host"/> in maintenance mode with <c>EnterMaintenanceMode_Task</c>
    /// (powered-off VMs stay registered on it). On vCenter the task waits until every running VM has left the
    /// host (DRS moves them in a fully automated cluster; otherwise an operator must).</summary>
    public Task<VSphereActionResult> EnterMaintenanceModeAsync(TargetDefinition target, string host, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        var hostRef = new ManagedObjectReference("HostSystem", host);
        return RunAsync(target, "EnterMaintenanceMode_Task", hostRef, host, timeout, progress, async (session, ct) => await session.EnterMaintenanceModeAsync(hostRef, ct).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>Powers VM <paramref name="vm"/> on with <c>PowerOnVM_Task</c>.</summary>
    public Task<VSphereActionResult> PowerOnVmAsync(TargetDefinition target, string vm, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        var vmRef = new ManagedObjectReference("VirtualMachine", vm);
        return RunAsync(target, "PowerOnVM_Task", vmRef, vm, timeout, progress, async (session, ct) => await session.PowerOnVmAsync(vmRef, ct).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>The reason for a failed call or task: the fault type first (what scripts match), then the
    /// server's message when it says more than the type's name.</summary>
    internal static string Reason(string method, string what, string faultType, string? message) =>
        string.IsNullOrWhiteSpace(message) || message.Contains(faultType, StringComparison.Ordinal)
            ? $"{method} of {what} failed: {faultType}"
            : $"{method} of {what} failed: {faultType} ({message})";

    private static VSphereActionResult Failed(string method, string what, TargetFailureException e) =>
        e.InnerException is VimFault fault
            ? VSphereActionResult.Failure(Reason(method, what, fault.FaultType, fault.Message), fault.FaultType)
            : VSphereActionResult.Failure($"{method} of {what} failed: {e.Message}");

    /// <summary>Starts the task with <paramref name="start"/> (null from it: nothing to do, the VM is already
    /// there), then follows it until <paramref name="timeout"/> has passed.</summary>
    private async Task<VSphereActionResult> RunAsync(
        TargetDefinition target,
        string method,
        ManagedObjectReference obj,
        string what,
        TimeSpan timeout,
        Action<string> progress,
        Func<VimSession, CancellationToken, Task<ManagedObjectReference?>> start,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(progress);
        var deadline = _time.GetUtcNow() + timeout;
        ManagedObjectReference? task;
        try
        {
            task = await _pool.UseAsync(target, start, cancellationToken).ConfigureAwait(false);
        }
        catch (TargetFailureException e)
        {
            var failed = Failed(method, what, e);
            VSphereActionLog.ActionFailed(_logger, target.Name, method, obj.Value, failed.Message);
            return failed;
        }

        if (task is not { } running)
        {
            return VSphereActionResult.Success($"{obj.Value} already runs on the requested host; nothing to do");
        }

        VSphereActionLog.TaskStarted(_logger, target.Name, method, obj.Value, running.Value);
        progress($"{running.Value} started: {method} of {what}");
        var result = await FollowAsync(target, method, what, running, deadline, timeout, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            VSphereActionLog.TaskSucceeded(_logger, target.Name, method, obj.Value);
        }
        else
        {
            VSphereActionLog.ActionFailed(_logger, target.Name, method, obj.Value, result.Message);
        }

        return result;
    }

    /// <summary>Looks at the task's state, soon at first and then every 2 seconds, until it ends or the
    /// deadline passes. A look that fails on the way (the network, a session that cannot be renewed) is
    /// tried again: the task runs on the server whatever happens to us. A fault about the task itself ends it.</summary>
    private async Task<VSphereActionResult> FollowAsync(
        TargetDefinition target,
        string method,
        string what,
        ManagedObjectReference task,
        DateTimeOffset deadline,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var wait = s_firstLook;
        string? lastProblem = null;
        while (true)
        {
            try
            {
                var state = await _pool.UseAsync(target, (session, ct) => session.ReadTaskAsync(task, ct), cancellationToken).ConfigureAwait(false);
                if (state.IsDone)
                {
                    return state.Succeeded
                        ? VSphereActionResult.Success($"{task.Value} succeeded: {method} of {what}")
                        : VSphereActionResult.Failure(Reason(method, what, state.FaultType ?? "Unknown", state.FaultMessage), state.FaultType);
                }
            }
            catch (TargetFailureException e) when (e.InnerException is VimFault)
            {
                return Failed(method, what, e);
            }
            catch (TargetFailureException e)
            {
                lastProblem = e.Message;
                VSphereActionLog.ProgressReadFailed(_logger, target.Name, task.Value, e.Message);
            }

            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                var seconds = timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                var why = lastProblem is null ? string.Empty : $"; last look failed: {lastProblem}";
                return VSphereActionResult.Failure($"{task.Value} ({method} of {what}) had not finished after {seconds} s; it may still complete on the server{why}");
            }

            await Task.Delay(wait < left ? wait : left, _time, cancellationToken).ConfigureAwait(false);
            wait = wait * 2 < s_longestWait ? wait * 2 : s_longestWait;
        }
    }
}
