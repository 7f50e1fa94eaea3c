using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Live-migrates a VM between Hyper-V hosts over WS-Management: <c>MigrateVirtualSystemToHost</c> on the source
/// host's <c>Msvm_VirtualSystemMigrationService</c> (<c>root/virtualization/v2</c>, Server 2012 and later) with an
/// embedded <c>Msvm_VirtualSystemMigrationSettingData</c> of type VirtualSystem (live), then the returned job followed
/// by Get until it completes, fails or the time runs out.</summary>
/// <remarks>The host's own words decide the outcome: a job that ends in Exception fails with its
/// <c>ErrorDescription</c>; a refused call with its return code and that code's documented meaning. A WS-Management
/// fault (access denied, a VM the host does not know) is thrown as a <see cref="TargetFailureException"/> of its kind.</remarks>
public sealed class HyperVMigrator
{
    private const string Namespace = "root/virtualization/v2";
    private const string ServiceQuery = "SELECT * FROM Msvm_VirtualSystemMigrationService";

    private readonly WinRMSessionPool _pool;
    private readonly TimeProvider _time;
    private readonly ILogger<HyperVMigrator> _logger;

    public HyperVMigrator(WinRMSessionPool pool, TimeProvider time, ILogger<HyperVMigrator> logger)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _time = time;
        _logger = logger;
    }

    /// <summary>How often the job is read while it runs. Default 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Moves the VM <paramref name="vmName"/> (its GUID, <c>Msvm_ComputerSystem.Name</c>) from the host
    /// <paramref name="source"/> reaches to <paramref name="destinationHost"/> (a name the source host resolves).</summary>
    /// <param name="source">The source host's target.</param>
    /// <param name="vmName">The VM's GUID.</param>
    /// <param name="destinationHost">The destination host's name.</param>
    /// <param name="timeout">How long to follow the job; after it the result is a failure that says the job may still run.</param>
    /// <param name="progress">Short notes for the tip's history.</param>
    /// <param name="cancellationToken">Stops following the job (the host carries on).</param>
    /// <exception cref="TargetFailureException">A fault or an unusable reply; access denied is <see cref="FailureKind.Permission"/>.</exception>
    public async Task<HyperVMigrationResult> MigrateAsync(TargetDefinition source, string vmName, string destinationHost, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        var client = _pool.SessionFor(source).Client;
        var service = await ServiceAsync(client, cancellationToken).ConfigureAwait(false);
        var resource = WmiResource.Of(Namespace, "Msvm_VirtualSystemMigrationService");
        XElement output;
        try
        {
            output = await client.InvokeElementAsync(resource, "MigrateVirtualSystemToHost", service, w => WriteInput(w, resource, vmName, destinationHost), cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFault fault)
        {
            throw Failure(fault, "MigrateVirtualSystemToHost");
        }

        var returned = output.Elements().FirstOrDefault(e => e.Name.LocalName == "ReturnValue")?.Value;
        if (!long.TryParse(returned, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
        {
            throw new TargetFailureException(FailureKind.Protocol, "MigrateVirtualSystemToHost: the reply has no ReturnValue");
        }

        WinRMLog.MigrationCalled(_logger, source.Name, vmName, destinationHost, code);
        if (code == HyperVMigrationCodes.Completed)
        {
            return new HyperVMigrationResult(true, $"migrated to {destinationHost}");
        }

        if (code != HyperVMigrationCodes.JobStarted)
        {
            return new HyperVMigrationResult(false, string.Create(CultureInfo.InvariantCulture, $"MigrateVirtualSystemToHost returned {code} ({HyperVMigrationCodes.Meaning(code)})"));
        }

        var (jobResource, jobSelectors) = JobReference(output);
        var jobId = jobSelectors.Where(s => s.Name == "InstanceID").Select(s => s.Value).FirstOrDefault() ?? "?";
        progress($"migration job {jobId} started on {source.Name}");
        return await FollowAsync(client, jobResource, jobSelectors, jobId, destinationHost, timeout, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HyperVMigrationResult> FollowAsync(
        WsManClient client, string resource, IReadOnlyList<Selector> selectors, string jobId, string destinationHost, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        long? lastPercent = null;
        while (true)
        {
            WmiInstance job;
            try
            {
                job = await client.GetAsync(resource, selectors, cancellationToken).ConfigureAwait(false);
            }
            catch (WsManFault fault)
            {
                throw Failure(fault, $"Get {jobId}");
            }

            var state = job.Int64("JobState");
            switch (state)
            {
                case HyperVMigrationCodes.JobCompleted:
                    return new HyperVMigrationResult(true, $"migrated to {destinationHost} (job {jobId} completed)");
                case HyperVMigrationCodes.JobException or HyperVMigrationCodes.JobTerminated or HyperVMigrationCodes.JobKilled:
                    var description = job.String("ErrorDescription");
                    return new HyperVMigrationResult(false, string.IsNullOrWhiteSpace(description)
                        ? string.Create(CultureInfo.InvariantCulture, $"migration job {jobId} ended {HyperVMigrationCodes.JobStateName(state)} (ErrorCode {job.Int64("ErrorCode")})")
                        : description.Trim());
            }

            if (job.Int64("PercentComplete") is { } percent && percent != lastPercent)
            {
                progress(string.Create(CultureInfo.InvariantCulture, $"migration job {jobId}: {HyperVMigrationCodes.JobStateName(state)}, {percent} %"));
                lastPercent = percent;
            }

            if (_time.GetUtcNow() + PollInterval > deadline)
            {
                return new HyperVMigrationResult(false, string.Create(CultureInfo.InvariantCulture,
                    $"migration job {jobId} did not finish within {timeout.TotalSeconds:0} s ({HyperVMigrationCodes.JobStateName(state)}); it may still complete on the host"));
            }

            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<Selector>> ServiceAsync(WsManClient client, CancellationToken cancellationToken)
    {
        IReadOnlyList<WmiInstance> services;
        try
        {
            services = await client.QueryAsync(Namespace, ServiceQuery, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFault fault) when (fault.Kind is WmiErrorKind.InvalidNamespace or WmiErrorKind.InvalidClass)
        {
            throw new TargetFailureException(FailureKind.Protocol,
                $"{Namespace} has no Msvm_VirtualSystemMigrationService ({fault.Codes}): live migration over WS-Man needs Windows Server 2012 or later");
        }
        catch (WsManFault fault)
        {
            throw Failure(fault, ServiceQuery);
        }

        var service = services.Count > 0 ? services[0] : throw new TargetFailureException(FailureKind.Protocol,
            $"{Namespace} has no Msvm_VirtualSystemMigrationService instance; is the Hyper-V Virtual Machine Management service running?");
        return
        [
            new Selector("CreationClassName", service.String("CreationClassName") ?? "Msvm_VirtualSystemMigrationService"),
            new Selector("Name", service.String("Name") ?? "vsms"),
            new Selector("SystemCreationClassName", service.String("SystemCreationClassName") ?? "Msvm_ComputerSystem"),
            new Selector("SystemName", service.String("SystemName") ?? string.Empty),
        ];
    }

    /// <summary>The method's input: the VM as an endpoint reference, the destination, and the migration settings as an
    /// embedded instance (its CIM-XML text, the form WMI's <c>GetText(CimDtd20)</c> gives and embedded-instance strings take).</summary>
    private static void WriteInput(XmlWriter w, string resource, string vmName, string destinationHost)
    {
        w.WriteStartElement("p", "ComputerSystem", resource);
        w.WriteElementString("Address", WsManXml.Addressing, WsManXml.AnonymousRole);
        w.WriteStartElement("ReferenceParameters", WsManXml.Addressing);
        w.WriteElementString("ResourceURI", WsManXml.WsMan, WmiResource.Of(Namespace, "Msvm_ComputerSystem"));
        w.WriteStartElement("SelectorSet", WsManXml.WsMan);
        foreach (var (name, value) in new[] { ("CreationClassName", "Msvm_ComputerSystem"), ("Name", vmName) })
        {
            w.WriteStartElement("Selector", WsManXml.WsMan);
            w.WriteAttributeString("Name", name);
            w.WriteString(value);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("p", "DestinationHost", resource, destinationHost);
        w.WriteElementString("p", "MigrationSettingData", resource, SettingData());
    }

    private static string SettingData() => string.Create(CultureInfo.InvariantCulture,
        $"""<INSTANCE CLASSNAME="Msvm_VirtualSystemMigrationSettingData"><PROPERTY NAME="MigrationType" TYPE="uint16"><VALUE>{HyperVMigrationCodes.LiveMigration}</VALUE></PROPERTY></INSTANCE>""");

    /// <summary>The job's resource URI and selectors from the <c>Job</c> out parameter (an endpoint reference).</summary>
    private static (string Resource, IReadOnlyList<Selector> Selectors) JobReference(XElement output)
    {
        var job = output.Elements().FirstOrDefault(e => e.Name.LocalName == "Job");
        var parameters = job?.Element(XName.Get("ReferenceParameters", WsManXml.Addressing));
        var resource = parameters?.Element(XName.Get("ResourceURI", WsManXml.WsMan))?.Value;
        var selectors = parameters?.Element(XName.Get("SelectorSet", WsManXml.WsMan))?.Elements(XName.Get("Selector", WsManXml.WsMan))
            .Select(s => new Selector(s.Attribute("Name")?.Value ?? string.Empty, s.Value)).ToList();
        if (string.IsNullOrEmpty(resource) || selectors is not { Count: > 0 })
        {
            throw new TargetFailureException(FailureKind.Protocol, "MigrateVirtualSystemToHost returned 4096 (job started) without a usable Job reference");
        }

        return (resource, selectors);
    }

    private static TargetFailureException Failure(WsManFault fault, string what)
    {
        if (fault.Kind == WmiErrorKind.AccessDenied)
        {
            var machine = fault.Machine is null ? string.Empty : $" on {fault.Machine}";
            return new TargetFailureException(FailureKind.Permission,
                $"{what}: access denied ({fault.Codes}{machine}): live migration needs an account in Hyper-V Administrators on both hosts, with constrained delegation when it is started remotely (docs/sources/hyperv.md)",
                fault);
        }

        return WinRMFailures.From(fault, what);
    }
}
