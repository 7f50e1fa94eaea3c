using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>After a refused login, holds further attempts with the same credentials back for a while.</summary>
/// <remarks>Realtime passes run every 20 seconds: retrying a wrong password that often would lock the
/// service account in most directories. The wait starts at one minute and doubles up to half an hour;
/// a change of the target's connection settings (a corrected password) ends it at once.</remarks>
internal sealed class LoginBackoff
{
    private static readonly TimeSpan s_first = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_longest = TimeSpan.FromMinutes(30);

    private TargetDefinition? _refused;
    private TimeSpan _wait;
    private DateTimeOffset _until;
    private string _reason = string.Empty;

    /// <summary>Throws the last refusal again while the wait for these settings runs.</summary>
    public void ThrowIfHeld(TargetDefinition target, DateTimeOffset now)
    {
        if (_refused is { } refused && VSphereSessionPool.SameConnection(refused, target) && now < _until)
        {
            throw new TargetFailureException(
                FailureKind.Authentication,
                $"{_reason}; not trying again until {_until:HH:mm:ss} UTC so the account is not locked (correct the password to retry at once)");
        }
    }

    /// <summary>Records a refused login and lengthens the wait.</summary>
    public void Refused(TargetDefinition target, string reason, DateTimeOffset now)
    {
        _wait = _refused is { } previous && VSphereSessionPool.SameConnection(previous, target)
            ? TimeSpan.FromTicks(Math.Min(_wait.Ticks * 2, s_longest.Ticks))
            : s_first;
        _refused = target;
        _until = now + _wait;
        _reason = reason;
    }

    /// <summary>A login went through: no more waiting.</summary>
    public void Succeeded() => _refused = null;
}
