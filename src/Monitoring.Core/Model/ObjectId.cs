namespace Monitoring.Core.Model;

/// <summary>Builds inventory ids: <c>&lt;target&gt;/&lt;native key&gt;</c>.</summary>
/// <remarks>Names are not unique across targets (two vCenters may both hold "web-01"); the target's
/// config name plus the source's own key (a vSphere managed-object id, a WMI key) is.</remarks>
public static class ObjectId
{
    public static string Create(string target, string nativeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentException.ThrowIfNullOrEmpty(nativeKey);
        return string.Concat(target, "/", nativeKey);
    }
}
