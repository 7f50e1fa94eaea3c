using System.Diagnostics;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>Another process holding the SQLite database locked: Debian's python3 with its sqlite3 module
/// opens the file, takes <c>BEGIN EXCLUSIVE</c> and keeps it for a while, then rolls back. Stopped by its
/// PID if it is still running when disposed.</summary>
internal sealed class DatabaseLockHolder : IDisposable
{
    private const string Script = """
        import sqlite3, sys, time
        db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
        db.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
        db.execute("ROLLBACK")
        db.close()
        print("released", flush=True)
        """;

    private readonly Process _process;

    private DatabaseLockHolder(Process process) => _process = process;

    /// <summary>When the lock was taken (Unix seconds).</summary>
    public double LockedAt { get; private set; }

    /// <summary>When it was released (Unix seconds); null while held.</summary>
    public double? ReleasedAt { get; private set; }

    /// <summary>Takes the lock on <paramref name="databasePath"/> and returns once it is held.</summary>
    public static async Task<DatabaseLockHolder> LockAsync(string databasePath, TimeSpan holdFor)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(holdFor.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var holder = new DatabaseLockHolder(Process.Start(start)!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var line = await holder._process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "locked")
        {
            var error = await holder._process.StandardError.ReadToEndAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            holder.Dispose();
            throw new InvalidOperationException($"python3 did not lock the database: {line} {error}");
        }

        holder.LockedAt = Now();
        return holder;
    }

    /// <summary>Waits until the holder has released the lock and exited.</summary>
    public async Task WaitForReleaseAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "released")
        {
            throw new InvalidOperationException($"python3 did not release the lock: {line}");
        }

        ReleasedAt = Now();
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>True once the holder process has ended.</summary>
    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
