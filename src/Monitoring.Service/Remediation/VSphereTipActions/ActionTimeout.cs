using Monitoring.Core.Configuration;
using Monitoring.Service.Scheduling;

namespace Monitoring.Service.Remediation.VSphereTipActions;

/// <summary><c>Monitoring:Remediation:ActionTimeoutSeconds</c>: how long an action is followed.</summary>
internal static class ActionTimeout
{
    private const string Key = "Monitoring:Remediation:ActionTimeoutSeconds";

    /// <summary>Checked at start-up with the rest of the configuration.</summary>
    public static void Validate(RemediationOptions options, List<string> problems) =>
        ScheduleSettings.Range(options.ActionTimeoutSeconds, RemediationOptions.DefaultActionTimeoutSeconds, 5, 86400, Key, problems);

    /// <summary>The validated value (see <see cref="Validate"/>).</summary>
    public static TimeSpan Of(RemediationOptions options) =>
        TimeSpan.FromSeconds(options.ActionTimeoutSeconds ?? RemediationOptions.DefaultActionTimeoutSeconds);
}
