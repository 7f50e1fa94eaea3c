using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Remediation.Tips;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>What a hook receives (a script on stdin, a webhook as its body): the contract's <c>tips --json</c> item
/// (<c>id</c>, <c>status</c>, <c>automatic</c>, <c>target</c>, <c>action</c>, <c>summary</c>, <c>raisedAt</c>) plus
/// <c>details</c>, <c>cause</c>, <c>expectedEffect</c>, <c>priority</c> and <c>hostGroup</c>, as the API shows a tip.</summary>
internal sealed record HookPayload(
    string Id,
    string Status,
    bool Automatic,
    string Target,
    IReadOnlyDictionary<string, string> Action,
    string Summary,
    DateTimeOffset RaisedAt,
    string Details,
    string Cause,
    string ExpectedEffect,
    int Priority,
    string? HostGroup)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static HookPayload From(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);

        // The action as the contract writes it: its kind, then its parameters beside it.
        var action = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = tip.Action.Kind };
        foreach (var (name, value) in tip.Action.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            action.TryAdd(name, value);
        }

        return new HookPayload(tip.Id, tip.Status.ToString(), tip.Automatic, tip.Target, action, tip.Summary, tip.RaisedAt,
            tip.Details, tip.Cause, tip.ExpectedEffect, tip.Priority, tip.HostGroup);
    }

    /// <summary>The UTF-8 JSON a hook gets for <paramref name="tip"/>.</summary>
    public static byte[] Serialize(Tip tip) => JsonSerializer.SerializeToUtf8Bytes(From(tip), s_json);
}
