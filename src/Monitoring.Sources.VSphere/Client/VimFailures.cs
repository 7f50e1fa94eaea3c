using System.Xml;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Turns what the vSphere client throws into the operator-facing failure of a pass, in one place
/// so every collector of this source names the same fault the same way.</summary>
internal static class VimFailures
{
    /// <summary>The failure for <paramref name="exception"/>, or null when it is not the client's to name
    /// (a <see cref="TargetFailureException"/> already is one; cancellation is not a failure).</summary>
    public static TargetFailureException? Translate(Exception exception, TargetDefinition target) => exception switch
    {
        VimFault fault => FromFault(fault, target),
        SessionExpiredException expired => new TargetFailureException(FailureKind.Authentication, expired.Message, expired),

        // Well-formed XML of the wrong shape (no service content, a reference without its id).
        XmlException e => new TargetFailureException(
            FailureKind.Protocol,
            $"the reply is not what a vSphere endpoint sends ({e.Message}); is {target.Address} a vCenter or ESX /sdk URL?",
            e),
        _ => null,
    };

    private static TargetFailureException FromFault(VimFault fault, TargetDefinition target) => fault.FaultType switch
    {
        "InvalidLogin" => new TargetFailureException(FailureKind.Authentication, $"login refused for user '{target.Username}': {fault.Message} (InvalidLogin)", fault),
        "NotAuthenticated" => new TargetFailureException(FailureKind.Authentication, $"the session is not authenticated: {fault.Message} (NotAuthenticated)", fault),
        "NoPermission" => new TargetFailureException(FailureKind.Permission, $"permission denied: {fault.Message} (NoPermission)", fault),
        _ => new TargetFailureException(FailureKind.Protocol, $"the server returned a fault: {fault.Message} ({fault.FaultType})", fault),
    };
}
