using System.Globalization;

namespace Monitoring.Service.Cli.Progress;

/// <summary>Progress as plain lines, for stderr that is not a terminal (a log file, a pipe, CI):
/// <c>progress: TITLE: [done/total] what</c>, one line per step, nothing redrawn.</summary>
internal sealed class PlainProgress : IProgressSink
{
    private readonly TextWriter _output;
    private readonly string _title;
    private readonly int _total;
    private int _done;

    public PlainProgress(TextWriter output, string title, int total)
    {
        _output = output;
        _title = title;
        _total = total;
    }

    public void Step(string description) => Write(description);

    public void Completed(string description)
    {
        Interlocked.Increment(ref _done);
        Write(description);
    }

    private void Write(string description)
    {
        var count = _total > 0 ? string.Create(CultureInfo.InvariantCulture, $"[{Volatile.Read(ref _done)}/{_total}] ") : string.Empty;
        lock (_output)
        {
            _output.WriteLine($"progress: {_title}: {count}{description}");
            _output.Flush();
        }
    }
}
