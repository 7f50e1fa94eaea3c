namespace Monitoring.Sources.VSphere.Client;

/// <summary>The server no longer knows our session: properties came back <c>NotAuthenticated</c> inside a
/// <c>missingSet</c> instead of as a fault of the call.</summary>
/// <remarks>Its own type, rather than an authentication failure, so the session pool can tell "log in
/// again and retry" apart from "the account may not read this", which no new login would fix.
/// A top-level <c>NotAuthenticated</c> fault arrives as <see cref="VimFault"/> and means the same.</remarks>
internal sealed class SessionExpiredException : Exception
{
    public SessionExpiredException(string message)
        : base(message)
    {
    }

    public SessionExpiredException()
    {
    }

    public SessionExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
