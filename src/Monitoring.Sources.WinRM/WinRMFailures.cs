using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM;

/// <summary>Turns a WS-Management fault into the operator-facing failure of a pass, in one place so every
/// collector of this source names the same fault the same way.</summary>
internal static class WinRMFailures
{
    public static TargetFailureException From(WsManFault fault, string what)
    {
        var (kind, hint) = fault.Kind switch
        {
            WmiErrorKind.AccessDenied => (FailureKind.Permission, "; the account needs Remote Enable on the WMI namespace and access to the WinRM listener (docs/sources)"),
            WmiErrorKind.InvalidNamespace => (FailureKind.Protocol, "; is this the right Kind for the host?"),
            WmiErrorKind.TimedOut => (FailureKind.Timeout, string.Empty),
            _ => (FailureKind.Protocol, string.Empty),
        };
        var machine = fault.Machine is null ? string.Empty : $" on {fault.Machine}";
        return new TargetFailureException(kind, $"{what}: {fault.Message} ({fault.Codes}{machine}){hint}", fault);
    }
}
