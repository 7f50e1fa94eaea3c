using System.Xml;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Sources.VSphere.Inventory;

namespace Monitoring.Sources.VSphere;

/// <summary>Collects the inventory of a vCenter or a standalone ESX host.</summary>
public sealed class VSphereCollector : IInventoryCollector
{
    private readonly ILogger<VSphereCollector> _logger;
    private readonly TimeProvider _time;
    private readonly Func<TargetDefinition, CertificatePolicy, HttpMessageHandler> _handlerFactory;

    public VSphereCollector(ILogger<VSphereCollector> logger, TimeProvider time)
        : this(logger, time, (target, policy) => VimHttpHandler.Create(policy, target.Timeout))
    {
    }

    /// <summary>Lets tests hand in a transport that replays captured replies.</summary>
    internal VSphereCollector(ILogger<VSphereCollector> logger, TimeProvider time, Func<TargetDefinition, CertificatePolicy, HttpMessageHandler> handlerFactory)
    {
        _logger = logger;
        _time = time;
        _handlerFactory = handlerFactory;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.VSphere;

    /// <inheritdoc/>
    public async Task<InventorySnapshot> CollectInventoryAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var policy = new CertificatePolicy(target.Thumbprint);
        using var client = new VimSoapClient(_handlerFactory(target, policy), target.Address, target.Timeout, policy);
        var session = new VimSession(client);
        try
        {
            var content = await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
            VSphereLog.Connected(_logger, target.Name, content.FullName, content.ApiVersion, content.ApiType);
            await session.LoginAsync(target.Username, target.Password.Reveal(), cancellationToken).ConfigureAwait(false);
            try
            {
                var snapshot = await new VSphereInventoryReader(session, target.Name).ReadAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                VSphereLog.InventoryRead(_logger, target.Name, snapshot.Hosts.Count, snapshot.Vms.Count, snapshot.Clusters.Count, snapshot.Datastores.Count);
                return snapshot;
            }
            finally
            {
                await LogoutQuietlyAsync(session, target).ConfigureAwait(false);
            }
        }
        catch (VimFault fault)
        {
            throw Translate(fault, target);
        }
        catch (XmlException e)
        {
            // Well-formed XML of the wrong shape (no service content, a reference without its id).
            throw new TargetFailureException(FailureKind.Protocol, $"the reply is not what a vSphere endpoint sends ({e.Message}); is {target.Address} a vCenter or ESX /sdk URL?", e);
        }
    }

    private static TargetFailureException Translate(VimFault fault, TargetDefinition target) => fault.FaultType switch
    {
        "InvalidLogin" => new TargetFailureException(FailureKind.Authentication, $"login refused for user '{target.Username}': {fault.Message} (InvalidLogin)", fault),
        "NotAuthenticated" => new TargetFailureException(FailureKind.Authentication, $"the session is not authenticated: {fault.Message} (NotAuthenticated)", fault),
        "NoPermission" => new TargetFailureException(FailureKind.Permission, $"permission denied: {fault.Message} (NoPermission)", fault),
        _ => new TargetFailureException(FailureKind.Protocol, $"the server returned a fault: {fault.Message} ({fault.FaultType})", fault),
    };

    private async Task LogoutQuietlyAsync(VimSession session, TargetDefinition target)
    {
        // Logging out only frees the server's session early; a failure here must not fail a pass
        // whose data is already read, so it is logged and the session left to time out.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await session.LogoutAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or VimFault or OperationCanceledException)
        {
            VSphereLog.LogoutFailed(_logger, target.Name, e.Message);
        }
    }
}
