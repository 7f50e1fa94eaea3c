namespace Monitoring.Sources.VSphere.Actions;

/// <summary>How a vSphere action ended. <paramref name="Message"/> is for an operator: a confirmation on
/// success; on failure the server's own reason, with its fault type kept (<paramref name="FaultType"/>, e.g.
/// <c>ManagedObjectNotFound</c>) so that scripts and tests can match it.</summary>
public sealed record VSphereActionResult(bool Succeeded, string Message, string? FaultType)
{
    public static VSphereActionResult Success(string message) => new(true, message, null);

    public static VSphereActionResult Failure(string message, string? faultType = null) => new(false, message, faultType);
}
