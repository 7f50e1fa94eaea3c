namespace Monitoring.Service.Remediation.Hooks;

/// <summary>One validated entry of <c>Monitoring:Remediation:Hooks</c>: a <see cref="ScriptHook"/> or a <see cref="WebHook"/>.</summary>
/// <param name="Name">Its unique name, the one a tip's <c>hook</c> action gives.</param>
/// <param name="Timeout">How long it may take before it is killed or given up.</param>
internal abstract record HookDefinition(string Name, TimeSpan Timeout);
