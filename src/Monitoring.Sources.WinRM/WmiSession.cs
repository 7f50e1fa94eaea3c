using System.Collections.Concurrent;
using System.Xml;
using Microsoft.Extensions.Logging;
using Monitoring.Sources.WinRM.HyperV;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM;

/// <summary>What a collector reads WMI through: the target's WS-Management client plus the rule for
/// optional classes (a class or namespace missing on one Windows version is a gap, logged once, not a
/// failed host).</summary>
internal sealed class WmiSession
{
    private readonly ConcurrentDictionary<string, bool> _gapsLogged;
    private readonly ILogger _logger;

    public WmiSession(WsManClient client, string target, ILogger logger, ConcurrentDictionary<string, bool> gapsLogged)
    {
        Client = client;
        Target = target;
        _logger = logger;
        _gapsLogged = gapsLogged;
    }

    public WsManClient Client { get; }

    /// <summary>The target's config name.</summary>
    public string Target { get; }

    /// <summary>Which VM owns which virtual hard disk, as the Hyper-V collectors last read it: the inventory pass
    /// leaves it here for the realtime pass, which ties the storage counters to VMs with it.</summary>
    public HyperVDiskOwners? DiskOwners { get; set; }

    /// <summary>What the session has learned about the Hyper-V host (its provider's namespace, its management
    /// service), by whichever pass asked first: the inventory and realtime passes share it, so it is looked up once
    /// per session, not once per collector.</summary>
    public HyperVHost? HyperVHost { get; set; }

    /// <summary>Items the host lacks, as logged (class or counter names).</summary>
    public IReadOnlyCollection<string> Gaps => [.. _gapsLogged.Keys];

    /// <summary><see cref="Gaps"/> in a stable order, for the target's status.</summary>
    public IReadOnlyList<string> SortedGaps() => [.. _gapsLogged.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every instance <paramref name="wql"/> selects; a fault fails the pass.</summary>
    public async Task<IReadOnlyList<WmiInstance>> QueryAsync(string wmiNamespace, string wql, CancellationToken cancellationToken)
    {
        try
        {
            return await Client.QueryAsync(wmiNamespace, wql, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFault fault)
        {
            throw WinRMFailures.From(fault, $"{wmiNamespace}: {wql}");
        }
    }

    /// <summary>Like <see cref="QueryAsync"/>, but a class or namespace this host lacks gives no instances
    /// (logged once per target and item) instead of a failure.</summary>
    public async Task<IReadOnlyList<WmiInstance>> QueryOptionalAsync(string wmiNamespace, string wql, string item, CancellationToken cancellationToken)
    {
        try
        {
            return await Client.QueryAsync(wmiNamespace, wql, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFault fault) when (fault.Kind is WmiErrorKind.InvalidClass or WmiErrorKind.InvalidNamespace or WmiErrorKind.InvalidQuery)
        {
            if (_gapsLogged.TryAdd(item, true))
            {
                WinRMLog.Gap(_logger, Target, item, $"{fault.Message} ({fault.Codes})");
            }

            return [];
        }
        catch (WsManFault fault)
        {
            throw WinRMFailures.From(fault, $"{wmiNamespace}: {wql}");
        }
    }

    /// <summary>The first instance <paramref name="wql"/> selects, or null when none.</summary>
    public async Task<WmiInstance?> FirstAsync(string wmiNamespace, string wql, CancellationToken cancellationToken)
    {
        var items = await QueryAsync(wmiNamespace, wql, cancellationToken).ConfigureAwait(false);
        return items.Count > 0 ? items[0] : null;
    }

    /// <summary>The first instance of an optional query, or null when none or the host lacks the class.</summary>
    public async Task<WmiInstance?> FirstOptionalAsync(string wmiNamespace, string wql, string item, CancellationToken cancellationToken)
    {
        var items = await QueryOptionalAsync(wmiNamespace, wql, item, cancellationToken).ConfigureAwait(false);
        return items.Count > 0 ? items[0] : null;
    }

    /// <summary>Calls a WMI method; a fault fails the pass.</summary>
    public async Task<WmiInstance> InvokeAsync(string resourceUri, string method, IReadOnlyList<Selector> selectors, Action<XmlWriter>? input, CancellationToken cancellationToken)
    {
        try
        {
            return await Client.InvokeAsync(resourceUri, method, selectors, input, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFault fault)
        {
            throw WinRMFailures.From(fault, method);
        }
    }
}
