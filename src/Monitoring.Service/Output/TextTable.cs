namespace Monitoring.Service.Output;

/// <summary>A plain, column-aligned table: readable in a terminal, easy to grep and awk when piped.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers) => _headers = headers;

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => c ?? "-")]);

    public void WriteTo(TextWriter writer)
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(writer, _headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
        writer.WriteLine(line.TrimEnd());
    }
}
