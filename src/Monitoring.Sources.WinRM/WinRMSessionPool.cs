using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.Transport;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM;

/// <summary>One WS-Management client (one connection, one authenticated context) per WinRM target, shared by
/// the inventory and performance collectors of that target. Register it once (a singleton).</summary>
/// <remarks>An NTLM context belongs to a connection, so keeping the client saves a three-leg handshake on
/// every poll. The client is replaced when the target's settings change (a reloaded configuration).</remarks>
public sealed class WinRMSessionPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ILogger<WinRMSessionPool> _logger;
    private readonly IRequestRecorder? _recorder;
    private readonly Func<TargetDefinition, IWsManTransport> _transportFactory;
    private readonly Lock _lock = new();

    public WinRMSessionPool(ILogger<WinRMSessionPool> logger, IRequestRecorder? requestRecorder = null)
        : this(logger, requestRecorder, WinRMHttpTransport.Create)
    {
    }

    /// <summary>Lets tests hand in a transport that answers in-process.</summary>
    internal WinRMSessionPool(ILogger<WinRMSessionPool> logger, IRequestRecorder? requestRecorder, Func<TargetDefinition, IWsManTransport> transportFactory)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _recorder = requestRecorder;
        _transportFactory = transportFactory;
    }

    /// <summary>The session for <paramref name="target"/>, created or replaced as needed.</summary>
    internal WmiSession SessionFor(TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_entries.TryGetValue(target.Name, out var entry) && entry.Target == target)
        {
            return entry.Session;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(target.Name, out entry) && entry.Target == target)
            {
                return entry.Session;
            }

            if (entry is not null)
            {
                WinRMLog.SessionReplaced(_logger, target.Name);

                // A pass still running on the old client fails with a disposed-object error at worst; the
                // next pass uses the new settings.
                entry.Session.Client.Dispose();
            }

            var client = new WsManClient(_transportFactory(target), target.Timeout, target.Name, _recorder);
            var session = new WmiSession(client, target.Name, _logger, new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
            _entries[target.Name] = new Entry(target, session);
            return session;
        }
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Session.Client.Dispose();
        }

        _entries.Clear();
    }

    private sealed record Entry(TargetDefinition Target, WmiSession Session);
}
