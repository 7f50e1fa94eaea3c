namespace Monitoring.Remediation.Tips;

public static class TipStatusExtensions
{
    public static bool IsFinal(this TipStatus status) =>
        status is TipStatus.Resolved or TipStatus.Failed or TipStatus.Dismissed or TipStatus.Closed;
}
