using Monitoring.Remediation.Tips;

namespace Monitoring.IntegrationTests.Remediation.Hooks;

/// <summary>Tips whose action runs a hook, as the tip store hands them to an executor (status Running).</summary>
internal static class HookTips
{
    public static Tip For(string hook, string target = "hv16/HV16-01") => new()
    {
        Id = "tip-" + Guid.NewGuid().ToString("N")[..8],
        ConditionKey = "alert/VirtHostCpuPressure/" + target,
        Target = target,
        HostGroup = "cluster-a",
        Status = TipStatus.Running,
        Action = TipAction.RunHook(hook),
        Summary = "Host HV16-01 runs hot",
        Details = "CPU above 90 % for 15 minutes",
        Cause = "VirtHostCpuPressure fired",
        ExpectedEffect = "the operator's drain script moves load away",
        Priority = 2,
        Severity = TipSeverity.Critical,
        RaisedAt = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 26, 3, 1, 0, TimeSpan.Zero),
    };
}
