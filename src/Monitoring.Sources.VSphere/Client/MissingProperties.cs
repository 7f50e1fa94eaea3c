using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Decides what an object with unreadable properties (a <c>missingSet</c>) means for a read.</summary>
internal static class MissingProperties
{
    private const string ObjectGone = "ManagedObjectNotFound";

    /// <summary>True when every requested property came back; false for an object deleted while the
    /// read ran (it is gone, so leaving it out is right).</summary>
    /// <exception cref="SessionExpiredException">A property came back <c>NotAuthenticated</c>: the session is
    /// gone, and a new login may read it all.</exception>
    /// <exception cref="TargetFailureException">Anything else (<c>NoPermission</c> first of all): a read with
    /// holes must not be used, and logging in again would not fill them.</exception>
    public static bool Check(ObjectContent o)
    {
        if (o.Missing.Count == 0)
        {
            return true;
        }

        if (o.Missing.Values.All(f => f == ObjectGone))
        {
            return false;
        }

        // NotAuthenticated wins over any other fault: once the session is gone every property fails,
        // and the other faults are only its consequence.
        if (o.Missing.FirstOrDefault(m => m.Value == "NotAuthenticated") is { Key: { } expiredPath })
        {
            throw new SessionExpiredException($"the session is no longer authenticated (reading {expiredPath} of {o.Obj} returned NotAuthenticated)");
        }

        var (path, fault) = o.Missing.First(m => m.Value != ObjectGone);
        if (fault == "NoPermission")
        {
            throw new TargetFailureException(
                FailureKind.Permission,
                $"the account may not read {path} of {o.Obj} (NoPermission); give it at least the Read-only role on the whole inventory");
        }

        throw new TargetFailureException(FailureKind.Protocol, $"the server could not read {path} of {o.Obj} ({fault})");
    }
}
