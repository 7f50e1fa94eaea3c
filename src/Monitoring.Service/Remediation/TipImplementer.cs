using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;

namespace Monitoring.Service.Remediation;

/// <summary>Implements tips: moves the tip to Initialized, hands it to the first executor that can run it, and
/// records Running (with the executor's progress notes) and then Resolved or Failed with the outcome.</summary>
/// <remarks>One action per tip: the lifecycle lets a tip leave Active once, so a second Implement is refused.
/// The action runs in the background so the API can answer at once; <see cref="WaitForFinalAsync"/> follows it.
/// An executor's exception fails the tip with one clean line (its message's first line, no stack trace);
/// the full exception goes to the log.</remarks>
internal sealed class TipImplementer : ITipImplementer, IDisposable
{
    public const string Interrupted = "interrupted: the service stopped while it ran";
    private const int MaxTextLength = 1000;

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);
    private readonly TipLifecycle _lifecycle;
    private readonly ITipStore _store;
    private readonly IReadOnlyList<ITipActionExecutor> _executors;
    private readonly TimeProvider _time;
    private readonly ILogger<TipImplementer> _log;
    private readonly ConcurrentDictionary<string, Task<Tip>> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public TipImplementer(TipLifecycle lifecycle, ITipStore store, IEnumerable<ITipActionExecutor> executors, TimeProvider time, ILogger<TipImplementer> log)
    {
        _lifecycle = lifecycle;
        _store = store;
        _executors = [.. executors];
        _time = time;
        _log = log;
    }

    /// <summary>How many actions run now.</summary>
    public int RunningCount => _running.Count;

    public Tip Implement(string tipId, string by, bool automatic)
    {
        var tip = _lifecycle.Implement(tipId, by, automatic);
        var executor = _executors.FirstOrDefault(e => CanExecute(e, tip));
        if (executor is null)
        {
            return _lifecycle.Finish(tipId, succeeded: false, by, $"no executor for action kind {tip.Action.Kind} on target {tip.Target}");
        }

        var run = Task.Run(() => RunAsync(tip, executor, by, _stopping.Token));
        _running[tipId] = run;
        _ = run.ContinueWith(done => _running.TryRemove(new KeyValuePair<string, Task<Tip>>(tipId, done)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return tip;
    }

    public async Task<Tip> WaitForFinalAsync(string tipId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_running.TryGetValue(tipId, out var run))
            {
                await run.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var tip = _lifecycle.Get(tipId);
            if (tip.Status.IsFinal())
            {
                return tip;
            }

            // Implemented by another process (the service, or the command line): follow it in the database.
            if (!_running.ContainsKey(tipId))
            {
                await Task.Delay(s_pollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>At start: tips a previous process left Initialized or Running can no longer finish; they end Failed.</summary>
    /// <returns>How many tips were failed.</returns>
    public int FailInterrupted(string by)
    {
        var count = 0;
        foreach (var tip in _store.List(TipStatus.Initialized, null).Concat(_store.List(TipStatus.Running, null)))
        {
            if (_running.ContainsKey(tip.Id))
            {
                continue;
            }

            try
            {
                _lifecycle.Finish(tip.Id, succeeded: false, by, Interrupted);
                count++;
            }
            catch (TipOperationException e)
            {
                TipsLog.NotRecorded(_log, tip.Id, TipImplementer.Interrupted, e.Message);
            }
        }

        return count;
    }

    /// <summary>Cancels running actions and waits (up to <paramref name="cancellationToken"/>) until each has
    /// recorded how it ended.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown cut short: the next start fails what is still unfinished.
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>One line, no control characters, bounded: what a tip's history and result may hold.</summary>
    internal static string Clean(string? text)
    {
        var line = (text ?? string.Empty).Split('\n', 2)[0];
        var clean = new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return clean.Length <= MaxTextLength ? clean : clean[..MaxTextLength];
    }

    private bool CanExecute(ITipActionExecutor executor, Tip tip)
    {
        try
        {
            return executor.CanExecute(tip);
        }
#pragma warning disable CA1031 // One executor's fault must not stop the others from being asked.
        catch (Exception e)
#pragma warning restore CA1031
        {
            TipsLog.CanExecuteThrew(_log, e, executor.GetType().Name, tip.Id);
            return false;
        }
    }

    private async Task<Tip> RunAsync(Tip tip, ITipActionExecutor executor, string by, CancellationToken cancellationToken)
    {
        bool succeeded;
        string result;
        try
        {
            _lifecycle.Start(tip.Id, by, $"started {tip.Action.Kind}");
            var outcome = await executor.ExecuteAsync(tip, note => Progress(tip.Id, by, note), cancellationToken).ConfigureAwait(false);
            (succeeded, result) = (outcome.Succeeded, Clean(outcome.Result));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (succeeded, result) = (false, Interrupted);
        }
#pragma warning disable CA1031 // An executor's fault fails its tip; it must never escape into the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            TipsLog.ActionThrew(_log, e, tip.Action.Kind, tip.Id);
            (succeeded, result) = (false, $"the {tip.Action.Kind} action failed: {Clean(e.Message)}");
        }

        try
        {
            var final = _lifecycle.Finish(tip.Id, succeeded, by, result);
            TipsLog.Finished(_log, tip.Id, final.Status, result);
            return final;
        }
        catch (TipOperationException e)
        {
            TipsLog.NotRecorded(_log, tip.Id, result, e.Message);
            return _lifecycle.Get(tip.Id);
        }
    }

    private void Progress(string tipId, string by, string note)
    {
        try
        {
            _lifecycle.Note(tipId, by, Clean(note));
        }
        catch (TipOperationException e)
        {
            TipsLog.NotRecorded(_log, tipId, note, e.Message);
        }
    }
}
