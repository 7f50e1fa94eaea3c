using Monitoring.Core.Collection;

namespace Monitoring.Service.Remediation.VSphereTipActions;

/// <summary>A tip's action resolved against the configuration: the vSphere target it runs on, and the
/// managed-object ids of the VM and/or host it names.</summary>
internal sealed record VSphereTipAction(string Kind, TargetDefinition Target, string? Vm, string? Host);
