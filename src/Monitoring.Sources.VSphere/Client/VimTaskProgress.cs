using System.Xml;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Where a vSphere task stands: <c>queued</c>, <c>running</c>, <c>success</c> or <c>error</c>, and on
/// error the server's fault type (e.g. <c>InvalidPowerState</c>) and its message.</summary>
internal sealed record VimTaskProgress(string State, string? FaultType, string? FaultMessage)
{
    public bool IsDone => State is "success" or "error";

    public bool Succeeded => State == "success";

    /// <summary>Reads <c>info.state</c> and <c>info.error</c> (a <c>LocalizedMethodFault</c>:
    /// <c>&lt;fault xsi:type="InvalidPowerState"&gt;...&lt;/fault&gt;&lt;localizedMessage&gt;...&lt;/localizedMessage&gt;</c>).</summary>
    public static VimTaskProgress From(ObjectContent content)
    {
        if (content.Missing.Count > 0)
        {
            var (path, fault) = content.Missing.First();
            if (fault == "NotAuthenticated")
            {
                throw new SessionExpiredException($"the session is no longer authenticated (reading {path} of {content.Obj})");
            }

            throw new VimFault(fault, $"the server could not read {path} of {content.Obj}");
        }

        var state = content.Properties.TryGetValue("info.state", out var s)
            ? s.Text.Trim()
            : throw new XmlException($"the server returned no info.state for {content.Obj}");
        if (!content.Properties.TryGetValue("info.error", out var error))
        {
            return new VimTaskProgress(state, null, null);
        }

        var inner = VimXml.Child(error.Element, "fault");
        var type = (inner is null ? null : VimXml.XsiType(inner)) ?? "Unknown";
        var message = VimXml.ChildText(error.Element, "localizedMessage")?.Trim();
        return new VimTaskProgress(state, type, string.IsNullOrEmpty(message) ? null : message);
    }
}
