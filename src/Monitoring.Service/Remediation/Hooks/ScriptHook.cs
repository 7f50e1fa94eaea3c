namespace Monitoring.Service.Remediation.Hooks;

/// <summary>A hook that starts an executable (no shell) with the tip as JSON on stdin.</summary>
/// <param name="Name">Its unique name.</param>
/// <param name="Path">The executable's absolute path, from the config file only.</param>
/// <param name="Arguments">Passed as they are, without shell expansion.</param>
/// <param name="Timeout">After it, the process and its children are killed.</param>
internal sealed record ScriptHook(string Name, string Path, IReadOnlyList<string> Arguments, TimeSpan Timeout) : HookDefinition(Name, Timeout);
