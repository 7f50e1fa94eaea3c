using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>The vim25 methods that change the inventory (remediation), each starting a server task.</summary>
/// <remarks>Each returns the task's reference at once; <see cref="ReadTaskAsync"/> tells how it is going.
/// Arguments follow the vim25 schema's element order, which the server checks.</remarks>
internal sealed partial class VimSession
{
    private static readonly PropertySpec s_taskProgress = new("Task", ["info.state", "info.error"]);

    /// <summary><c>VirtualMachine.RelocateVM_Task</c>: a live migration to <paramref name="host"/>, into
    /// <paramref name="pool"/> when given (needed only when the VM's pool is not in the host's cluster or
    /// compute resource); the datastore is left out, so the disks stay where they are.</summary>
    public Task<ManagedObjectReference> RelocateVmAsync(ManagedObjectReference vm, ManagedObjectReference host, ManagedObjectReference? pool, CancellationToken cancellationToken) =>
        StartTaskAsync(
            "RelocateVM_Task",
            vm,
            w =>
            {
                // VirtualMachineRelocateSpec: service, folder, datastore, diskMoveType, pool, host, ...
                w.WriteStartElement("spec", VimXml.Vim.NamespaceName);
                if (pool is { } p)
                {
                    SoapRequest.WriteReference(w, "pool", p);
                }

                SoapRequest.WriteReference(w, "host", host);
                w.WriteEndElement();
                w.WriteElementString("priority", VimXml.Vim.NamespaceName, "defaultPriority");
            },
            cancellationToken);

    /// <summary><c>HostSystem.EnterMaintenanceMode_Task</c> with no server-side timeout (0: the task runs until
    /// the host is empty; the caller bounds how long it follows it) and powered-off VMs left where they are.</summary>
    public Task<ManagedObjectReference> EnterMaintenanceModeAsync(ManagedObjectReference host, CancellationToken cancellationToken) =>
        StartTaskAsync(
            "EnterMaintenanceMode_Task",
            host,
            w =>
            {
                w.WriteElementString("timeout", VimXml.Vim.NamespaceName, "0");
                w.WriteElementString("evacuatePoweredOffVms", VimXml.Vim.NamespaceName, "false");
            },
            cancellationToken);

    /// <summary><c>VirtualMachine.PowerOnVM_Task</c> on the host the VM is registered on.</summary>
    public Task<ManagedObjectReference> PowerOnVmAsync(ManagedObjectReference vm, CancellationToken cancellationToken) =>
        StartTaskAsync("PowerOnVM_Task", vm, null, cancellationToken);

    /// <summary>Reads a task's <c>info.state</c> and <c>info.error</c> through the property collector.</summary>
    /// <exception cref="VimFault">The task is unknown to the server (<c>ManagedObjectNotFound</c>), among others.</exception>
    public async Task<VimTaskProgress> ReadTaskAsync(ManagedObjectReference task, CancellationToken cancellationToken)
    {
        var content = await RetrieveObjectAsync(task, s_taskProgress, cancellationToken).ConfigureAwait(false)
            ?? throw new XmlException($"the server returned nothing for {task}");
        return VimTaskProgress.From(content);
    }

    private async Task<ManagedObjectReference> StartTaskAsync(string method, ManagedObjectReference @this, Action<XmlWriter>? arguments, CancellationToken cancellationToken)
    {
        XElement response = await _client.InvokeAsync(method, @this, arguments, cancellationToken).ConfigureAwait(false);
        var returnval = VimXml.Child(response, "returnval") ?? throw new XmlException($"{method} returned no task");
        return VimXml.ReadReference(returnval);
    }
}
