using Monitoring.Core.Collection;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>One logged-in session of the pool, with the definition it was made from and the jobs using it.</summary>
/// <remarks>A session replaced while a job still runs on it (its target's definition changed) is only
/// retired: the last job to finish closes it, so nobody's request is cut off mid-way.</remarks>
internal sealed class PooledSession
{
    private readonly Lock _lock = new();
    private int _users;
    private bool _retired;
    private int _generation;

    public PooledSession(TargetDefinition definition, VimSoapClient client, VimSession session)
    {
        Definition = definition;
        Client = client;
        Session = session;
    }

    public TargetDefinition Definition { get; }

    public VimSoapClient Client { get; }

    public VimSession Session { get; }

    /// <summary>Counts logins. A job that saw the session expire at generation N logs in again only if
    /// nobody has done so since, so two jobs hitting the same expiry cause one login, not two.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Called under the slot's gate after a successful login.</summary>
    public void Renewed() => Interlocked.Increment(ref _generation);

    public void AddUser()
    {
        lock (_lock)
        {
            _users++;
        }
    }

    /// <returns>True when the caller must close the session: it is retired and this was its last user.</returns>
    public bool RemoveUser()
    {
        lock (_lock)
        {
            _users--;
            return _retired && _users == 0;
        }
    }

    /// <returns>True when the caller must close the session now: nobody is using it.</returns>
    public bool Retire()
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            _retired = true;
            return _users == 0;
        }
    }
}
