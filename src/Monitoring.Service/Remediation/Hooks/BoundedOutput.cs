using System.Text;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>Reads a child process's output stream to its end, keeping at most <see cref="Limit"/> bytes: the rest is
/// read and dropped, so a chatty script neither blocks on a full pipe nor fills the service's memory.</summary>
internal sealed class BoundedOutput
{
    public const int Limit = 64 * 1024;

    private readonly byte[] _kept = new byte[Limit];
    private int _length;
    private readonly Lock _lock = new(); // a grandchild may hold the pipe open: the text is read while reading goes on

    /// <summary>True when more than <see cref="Limit"/> bytes came and the rest was dropped.</summary>
    public bool Truncated { get; private set; }

    public async Task ReadToEndAsync(Stream stream)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_lock)
                {
                    var room = Limit - _length;
                    if (room > 0)
                    {
                        Array.Copy(buffer, 0, _kept, _length, Math.Min(room, read));
                        _length += Math.Min(room, read);
                    }

                    Truncated |= read > room;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The process was killed, or we stopped waiting for a child that kept the pipe open: keep what came.
        }
    }

    /// <summary>The first non-empty line, trimmed and cut to <paramref name="maxLength"/> characters, or null.</summary>
    public string? FirstLine(int maxLength = 300)
    {
        string text;
        lock (_lock)
        {
            text = Encoding.UTF8.GetString(_kept, 0, _length);
        }

        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null || line.Length <= maxLength ? line : line[..maxLength] + "...";
    }
}
