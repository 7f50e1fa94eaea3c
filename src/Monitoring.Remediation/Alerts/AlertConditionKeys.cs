namespace Monitoring.Remediation.Alerts;

/// <summary>The condition keys of alert-driven tips: one occurrence of an alert, one tip.</summary>
/// <remarks>Each key ends with a slash and its parts are escaped (no slash inside a part), so no key is the
/// prefix of another: <see cref="Tips.TipLifecycle.Reconcile"/> with a key as its scope touches that tip alone.
/// The occurrence is part of the key (our alert's raise time, Alertmanager's <c>startsAt</c>): a re-sent alert
/// finds its tip, a dismissed tip is not raised again by a re-send, and an alert that fires again after it
/// resolved raises a new tip.</remarks>
public static class AlertConditionKeys
{
    /// <summary>Every alert-driven key starts with this.</summary>
    public const string Prefix = "alert/";

    /// <summary>Ours: the object and the alert name (what our alerts carry to Alertmanager as <c>object</c> and
    /// <c>alertname</c>), then the raise time.</summary>
    public static string Ours(string objectId, string alertName, DateTimeOffset raisedAt) =>
        OursPrefix(objectId, alertName) + raisedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>Every occurrence of one alert of ours on one object.</summary>
    public static string OursPrefix(string objectId, string alertName) =>
        $"{Prefix}monitoring/{Uri.EscapeDataString(objectId)}/{Uri.EscapeDataString(alertName)}/";

    /// <summary>An Alertmanager alert: its fingerprint and <c>startsAt</c>.</summary>
    public static string Fingerprint(string fingerprint, DateTimeOffset startsAt) =>
        $"{Prefix}fingerprint/{Uri.EscapeDataString(fingerprint)}/{startsAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}/";
}
