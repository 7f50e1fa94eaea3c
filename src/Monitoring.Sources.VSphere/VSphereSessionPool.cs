using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere;

/// <summary>One long-lived, logged-in vSphere session per target, shared by every collector and job of
/// that target. Register it once (a singleton); disposing it logs out of every session.</summary>
/// <remarks>
/// Why a pool: realtime performance is read every 20 seconds, and a login per pass would cost the server
/// a session each time (vCenter limits them) plus two extra round trips. One session per target is
/// created on first use and kept; it is replaced when the target's connection settings change, and
/// logged in again once when the server says it expired (<c>NotAuthenticated</c>, as a fault or inside
/// a <c>missingSet</c>), after which the work is retried once.
/// Jobs of one target may use its session at the same time (the HTTP client is thread-safe); only
/// creating, replacing and renewing it are serialised, per target.
/// </remarks>
public sealed class VSphereSessionPool : IAsyncDisposable, IDisposable
{
    /// <summary>How long a logout may take: it only frees the server's session early, so it never
    /// holds up shutdown or a job for long; the server drops an abandoned session at its idle timeout.</summary>
    private static readonly TimeSpan s_logoutTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, SessionSlot> _slots = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly IRequestRecorder? _recorder;
    private readonly Func<TargetDefinition, CertificatePolicy, HttpMessageHandler> _handlerFactory;
    private readonly TimeProvider _time;
    private int _disposed;

    /// <summary>A pool whose clients report every request they send to <paramref name="requestRecorder"/>, when given.</summary>
    public VSphereSessionPool(ILogger<VSphereSessionPool> logger, IRequestRecorder? requestRecorder = null, TimeProvider? time = null)
        : this(logger, requestRecorder, DefaultHandler, time)
    {
    }

    /// <summary>Lets tests hand in a transport that answers in-process.</summary>
    internal VSphereSessionPool(ILogger logger, IRequestRecorder? requestRecorder, Func<TargetDefinition, CertificatePolicy, HttpMessageHandler> handlerFactory, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(handlerFactory);
        _logger = logger;
        _recorder = requestRecorder;
        _handlerFactory = handlerFactory;
        _time = time ?? TimeProvider.System;
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The production transport: connection timeout, decompression and the target's certificate policy.</summary>
    internal static HttpMessageHandler DefaultHandler(TargetDefinition target, CertificatePolicy policy) =>
        VimHttpHandler.Create(policy, target.Timeout);

    /// <summary>Runs <paramref name="work"/> on the target's logged-in session, creating (or replacing) it
    /// first when needed. An expired session is logged in again once and the work retried once, so
    /// <paramref name="work"/> must start from scratch each time it is called.</summary>
    /// <exception cref="TargetFailureException">Connecting, logging in or the work failed; vSphere faults
    /// are translated to failure kinds here, the same way for every collector.</exception>
    internal async Task<T> UseAsync<T>(TargetDefinition target, Func<VimSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var slot = _slots.GetOrAdd(target.Name, static _ => new SessionSlot());
        try
        {
            var pooled = await AcquireAsync(slot, target, cancellationToken).ConfigureAwait(false);
            try
            {
                var generation = pooled.Generation;
                try
                {
                    return await work(pooled.Session, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsSessionExpired(e))
                {
                    await RenewAsync(slot, pooled, generation, target, e.Message, cancellationToken).ConfigureAwait(false);
                    return await work(pooled.Session, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (pooled.RemoveUser())
                {
                    await CloseAsync(pooled).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (VimFailures.Translate(e, target) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Logs out of every session (each for at most 5 seconds, all at once); a session still in
    /// use is logged out when its last job ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var closing = new List<Task>();
        foreach (var slot in _slots.Values)
        {
            // Bounded: a job stuck creating a session must not hold up shutdown; its session is then
            // left to the server's idle timeout.
            if (!await slot.Gate.WaitAsync(s_logoutTimeout).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                if (slot.Current is { } session)
                {
                    slot.Current = null;
                    if (session.Retire())
                    {
                        closing.Add(CloseAsync(session));
                    }
                }
            }
            finally
            {
                slot.Gate.Release();
            }
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
    }

    /// <summary>For a container disposed synchronously: frees the connections without logging out,
    /// since waiting on the network here would block; the server drops the sessions at its idle
    /// timeout. Prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var slot in _slots.Values)
        {
            if (!slot.Gate.Wait(TimeSpan.Zero))
            {
                continue;
            }

            try
            {
                if (slot.Current is { } session)
                {
                    slot.Current = null;
                    if (session.Retire())
                    {
                        session.Client.Dispose();
                    }
                }
            }
            finally
            {
                slot.Gate.Release();
            }
        }
    }

    /// <summary>True when both definitions reach the same server as the same user in the same way.</summary>
    /// <remarks>Field by field because the record's own equality compares the secret and the thumbprint
    /// list by reference: a configuration reload makes new ones with the same content.</remarks>
    internal static bool SameConnection(TargetDefinition a, TargetDefinition b) =>
        a.Address == b.Address
        && string.Equals(a.Username, b.Username, StringComparison.Ordinal)
        && string.Equals(a.Password.Reveal(), b.Password.Reveal(), StringComparison.Ordinal)
        && SameThumbprint(a.Thumbprint, b.Thumbprint)
        && a.Timeout == b.Timeout;

    private static bool SameThumbprint(IReadOnlyList<byte>? a, IReadOnlyList<byte>? b) =>
        a is null || b is null ? a is null && b is null : a.SequenceEqual(b);

    private static bool IsSessionExpired(Exception e) =>
        e is SessionExpiredException or VimFault { FaultType: "NotAuthenticated" };

    private async Task<PooledSession> AcquireAsync(SessionSlot slot, TargetDefinition target, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (slot.Current is { } current)
            {
                if (SameConnection(current.Definition, target))
                {
                    current.AddUser();
                    return current;
                }

                slot.Current = null;
                VSphereLog.SessionReplaced(_logger, target.Name);
                if (current.Retire())
                {
                    await CloseAsync(current).ConfigureAwait(false);
                }
            }

            slot.Backoff.ThrowIfHeld(target, _time.GetUtcNow());
            PooledSession created;
            try
            {
                created = await CreateAsync(target, cancellationToken).ConfigureAwait(false);
            }
            catch (VimFault fault) when (fault.FaultType == "InvalidLogin")
            {
                slot.Backoff.Refused(target, VimFailures.Translate(fault, target)!.Message, _time.GetUtcNow());
                throw;
            }

            slot.Backoff.Succeeded();
            created.AddUser();
            slot.Current = created;
            return created;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<PooledSession> CreateAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        var policy = new CertificatePolicy(target.Thumbprint);
        var client = new VimSoapClient(_handlerFactory(target, policy), target.Address, target.Timeout, policy, _recorder, target.Name);
        try
        {
            var session = new VimSession(client);
            var content = await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
            VSphereLog.Connected(_logger, target.Name, content.FullName, content.ApiVersion, content.ApiType);
            await session.LoginAsync(target.Username, target.Password.Reveal(), cancellationToken).ConfigureAwait(false);
            VSphereLog.LoggedIn(_logger, target.Name, target.Username);
            return new PooledSession(target, client, session);
        }
        catch
        {
            // Nothing to log out of: the login did not happen, or did not succeed.
            client.Dispose();
            throw;
        }
    }

    /// <summary>Logs in again on the same session, unless another job already did since
    /// <paramref name="seenGeneration"/>.</summary>
    private async Task RenewAsync(SessionSlot slot, PooledSession pooled, int seenGeneration, TargetDefinition target, string reason, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (pooled.Generation != seenGeneration)
            {
                return;
            }

            VSphereLog.SessionExpired(_logger, target.Name, reason);
            try
            {
                await pooled.Session.LoginAsync(target.Username, target.Password.Reveal(), cancellationToken).ConfigureAwait(false);
                pooled.Renewed();
            }
            catch
            {
                // A session that cannot be renewed (the password changed, the server is gone) is of no
                // use to the next job either: it starts afresh. This job holds it, so closing waits for it.
                if (ReferenceEquals(slot.Current, pooled))
                {
                    slot.Current = null;
                    pooled.Retire();
                }

                throw;
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task CloseAsync(PooledSession session)
    {
        using var timeout = new CancellationTokenSource(s_logoutTimeout);
        try
        {
            await session.Session.LogoutAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or VimFault or OperationCanceledException or System.Xml.XmlException)
        {
            VSphereLog.LogoutFailed(_logger, session.Definition.Name, e.Message);
        }
        finally
        {
            session.Client.Dispose();
        }
    }
}
