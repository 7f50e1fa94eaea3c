using Monitoring.Remediation.Tips;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>The configured hooks, by name (case ignored, as names are unique case ignored).</summary>
internal sealed class HookCatalog
{
    private readonly Dictionary<string, HookDefinition> _byName;

    public HookCatalog(IEnumerable<HookDefinition> hooks)
    {
        _byName = hooks.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
    }

    public static HookCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<HookDefinition> All => _byName.Values;

    /// <summary>The hook a tip's action names, or null when the action is not a hook or names none configured.</summary>
    public HookDefinition? For(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return tip.Action.Kind == TipAction.Hook
            && tip.Action.Parameters.TryGetValue("hook", out var name)
            && _byName.TryGetValue(name, out var hook) ? hook : null;
    }
}
