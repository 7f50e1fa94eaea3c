using System.Text.Json.Serialization;
using Monitoring.Remediation.Tips;

namespace Monitoring.Service.Api.Tips;

/// <summary>One tip as the API and <c>tips --json</c> show it: the contract's fields (<c>id</c>, <c>status</c>,
/// <c>automatic</c>, <c>target</c>, <c>action</c> with its <c>kind</c> and parameters, <c>summary</c>, <c>raisedAt</c>),
/// then ours. <c>names</c> gives the display name of each inventory id the tip mentions (its target, the action's
/// objects) where one is known, so a reader shows "web-01" rather than "vc01/vm-12". <c>history</c> only on one
/// tip (<c>GET /api/v1/tips/{id}</c>).</summary>
internal sealed record TipView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("automatic")] bool Automatic,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("action")] IReadOnlyDictionary<string, string> Action,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("raisedAt")] DateTimeOffset RaisedAt,
    [property: JsonPropertyName("details")] string Details,
    [property: JsonPropertyName("cause")] string Cause,
    [property: JsonPropertyName("expectedEffect")] string ExpectedEffect,
    [property: JsonPropertyName("priority")] int Priority,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("hostGroup")] string? HostGroup,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("result")] string? Result)
{
    [JsonPropertyName("names")]
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    [JsonPropertyName("history")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TipHistoryView>? History { get; init; }

    /// <param name="tip">The tip.</param>
    /// <param name="nameOf">The name of an object (null for anything else; see <see cref="IObjectNames"/>), or null for
    /// no names at all.</param>
    /// <param name="withHistory">Whether to include the history.</param>
    public static TipView From(Tip tip, Func<string, string?>? nameOf = null, bool withHistory = false)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new TipView(
            tip.Id,
            tip.Status.ToString(),
            tip.Automatic,
            tip.Target,
            ActionOf(tip.Action),
            tip.Summary,
            tip.RaisedAt,
            tip.Details,
            tip.Cause,
            tip.ExpectedEffect,
            tip.Priority,
            tip.Severity.ToString(),
            tip.HostGroup,
            tip.UpdatedAt,
            tip.Result)
        {
            Names = nameOf is null ? new Dictionary<string, string>(StringComparer.Ordinal) : NamesOf(tip, nameOf),
            History = withHistory ? [.. tip.History.Select(h => new TipHistoryView(h.At, h.Status.ToString(), h.By, h.Note))] : null,
        };
    }

    /// <summary>The target and every action parameter that is a known object with a name of its own (a parameter that is
    /// no object's id, or an object named as its id, is left out).</summary>
    private static Dictionary<string, string> NamesOf(Tip tip, Func<string, string?> nameOf)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in tip.Action.Parameters.Values.Prepend(tip.Target))
        {
            if (!names.ContainsKey(id) && nameOf(id) is { } name && !string.Equals(name, id, StringComparison.Ordinal))
            {
                names[id] = name;
            }
        }

        return names;
    }

    /// <summary>The action as one flat object: <c>kind</c> first, then its parameters (<c>vm</c>, <c>from</c>, <c>to</c>, ...).</summary>
    private static Dictionary<string, string> ActionOf(TipAction action)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = action.Kind };
        foreach (var (name, value) in action.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            flat.TryAdd(name, value);
        }

        return flat;
    }
}
