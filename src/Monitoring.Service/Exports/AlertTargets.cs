using Monitoring.HealthModel.Model;

namespace Monitoring.Service.Exports;

/// <summary>The configured target an alert's object belongs to, read from the object's id.</summary>
internal static class AlertTargets
{
    private static readonly string s_targetNodePrefix = HealthTopologyBuilder.TargetNodeId(string.Empty);

    /// <summary><c>vc01/vm-42</c> and <c>target:vc01</c> give <c>vc01</c>; an object of no target (a host group,
    /// the estate) gives an empty string.</summary>
    public static string Of(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        if (objectId.StartsWith(s_targetNodePrefix, StringComparison.Ordinal))
        {
            return objectId[s_targetNodePrefix.Length..];
        }

        if (objectId.StartsWith(HostGroup.IdPrefix, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        // Inventory ids are <target>/<native key>; the native key may hold anything, the target name no '/'.
        var slash = objectId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? objectId[..slash] : string.Empty;
    }
}
