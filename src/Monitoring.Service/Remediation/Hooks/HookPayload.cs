using System.Text.Json;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Api.Tips;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>What a hook receives (a script on stdin, a webhook as its body): the tip exactly as the API and
/// <c>tips --json</c> show it (<see cref="TipView"/>, without its history), so a hook author learns one shape.</summary>
internal static class HookPayload
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The UTF-8 JSON a hook gets for <paramref name="tip"/>, with the names of the objects it mentions.</summary>
    public static async Task<byte[]> SerializeAsync(Tip tip, IObjectNames names, CancellationToken cancellationToken)
    {
        var nameOf = await names.LookupAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(TipView.From(tip, nameOf), s_json);
    }
}
