namespace Monitoring.Sources.VSphere.Client;

/// <summary>The pool's place for one target: its current session and the gate that lets one job at a
/// time create, replace or renew it.</summary>
internal sealed class SessionSlot
{
    /// <summary>Never disposed: without <c>AvailableWaitHandle</c> a SemaphoreSlim holds nothing to free.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The logged-in session; read and written only while holding <see cref="Gate"/>.</summary>
    public PooledSession? Current { get; set; }

    /// <summary>Holds logins back after a refused one; used only while holding <see cref="Gate"/>.</summary>
    public LoginBackoff Backoff { get; } = new();
}
