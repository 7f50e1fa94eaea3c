using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Decides what an object with unreadable properties (a <c>missingSet</c>) means for a read.</summary>
internal static class MissingProperties
{
    private const string ObjectGone = "ManagedObjectNotFound";

    /// <summary>True when every requested property came back; false for an object deleted while the
    /// read ran (it is gone, so leaving it out is right).</summary>
    /// <exception cref="SessionExpiredException">Every property came back <c>NotAuthenticated</c>: the session
    /// is gone, and a new login may read it all.</exception>
    /// <exception cref="TargetFailureException">Anything else: a partial <c>NoPermission</c> or
    /// <c>NotAuthenticated</c> is a missing privilege; other faults are protocol errors. A read with holes
    /// must not be used, and logging in again would not fill them.</exception>
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

        // The session is gone only when nothing at all came back and every property says NotAuthenticated.
        // A partial missingSet, even one saying NotAuthenticated (vCenter's answer for a property that
        // needs a privilege the account lacks, as in the capture from a real vCenter), is a missing
        // privilege: logging in again would not fill it.
        if (o.Properties.Count == 0 && o.Missing.Values.All(f => f == "NotAuthenticated"))
        {
            throw new SessionExpiredException($"the session is no longer authenticated (every property of {o.Obj} returned NotAuthenticated)");
        }

        var (path, fault) = o.Missing.First(m => m.Value != ObjectGone);
        if (fault is "NoPermission" or "NotAuthenticated")
        {
            throw new TargetFailureException(
                FailureKind.Permission,
                $"the account may not read {path} of {o.Obj} ({fault}); give it at least the Read-only role on the whole inventory");
        }

        throw new TargetFailureException(FailureKind.Protocol, $"the server could not read {path} of {o.Obj} ({fault})");
    }
}
