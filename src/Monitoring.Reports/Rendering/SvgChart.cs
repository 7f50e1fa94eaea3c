using System.Globalization;
using System.Net;
using System.Text;

namespace Monitoring.Reports.Rendering;

/// <summary>Inline SVG charts for the HTML report: no script, no external resource, so a browser (or a mail client
/// that shows SVG) draws them from the file alone.</summary>
internal static class SvgChart
{
    private const int Width = 640;
    private const int Height = 200;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 24;

    /// <summary>A line chart of ratios over time; each line may carry a dashed trend line (its value at
    /// <paramref name="to"/> and slope per day). The time axis spans the data (from the first bucket to
    /// <paramref name="to"/>), so a young service's minutes are not squeezed into the edge of a 30-day axis.</summary>
    public static string Lines(string label, DateTimeOffset windowFrom, DateTimeOffset to, IReadOnlyList<ChartLine> lines)
    {
        var from = lines.SelectMany(l => l.Points).Select(p => p.At).DefaultIfEmpty(windowFrom).Min();
        var top = Math.Max(1.0, lines.SelectMany(l => l.Points).Select(p => p.Value).DefaultIfEmpty(0).Max());
        var span = Math.Max(1, (to - from).TotalSeconds);
        double X(DateTimeOffset t) => Left + ((t - from).TotalSeconds / span * (Width - Left - Right));
        double Y(double v) => Top + ((1 - (Math.Clamp(v, 0, top) / top)) * (Height - Top - Bottom));

        var svg = Open(label, Height);
        foreach (var tick in new[] { 0, 0.25, 0.5, 0.75, 1.0 }.Select(f => f * top))
        {
            svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(F($"<text x=\"{Left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"10\">{tick:0%}</text>"));
        }

        svg.Append(F($"<text x=\"{Left}\" y=\"{Height - 6}\" font-size=\"10\">{from:yyyy-MM-dd HH:mm}</text>"));
        svg.Append(F($"<text x=\"{Width - Right}\" y=\"{Height - 6}\" text-anchor=\"end\" font-size=\"10\">{to:yyyy-MM-dd HH:mm} UTC</text>"));
        foreach (var line in lines.Where(l => l.Points.Count > 0))
        {
            var points = string.Join(' ', line.Points.Select(p => F($"{X(p.At):0.#},{Y(p.Value):0.#}")));
            svg.Append(F($"<polyline class=\"series\" fill=\"none\" stroke=\"{line.Color}\" stroke-width=\"2\" points=\"{points}\"/>"));
            if (line.Points.Count == 1)
            {
                svg.Append(F($"<circle cx=\"{X(line.Points[0].At):0.#}\" cy=\"{Y(line.Points[0].Value):0.#}\" r=\"3\" fill=\"{line.Color}\"/>"));
            }

            if (line.Trend is { } trend)
            {
                var start = trend.AtEnd - (trend.SlopePerDay * (to - from).TotalDays);
                svg.Append(F($"<line class=\"trend\" x1=\"{X(from):0.#}\" y1=\"{Y(start):0.#}\" x2=\"{X(to):0.#}\" y2=\"{Y(trend.AtEnd):0.#}\" stroke=\"{line.Color}\" stroke-dasharray=\"5 4\"/>"));
            }
        }

        var legendX = Left + 8;
        foreach (var line in lines)
        {
            svg.Append(F($"<rect x=\"{legendX}\" y=\"{Top + 2}\" width=\"10\" height=\"10\" fill=\"{line.Color}\"/>"));
            svg.Append(F($"<text x=\"{legendX + 14}\" y=\"{Top + 11}\" font-size=\"11\">{E(line.Name)}</text>"));
            legendX += 24 + (7 * line.Name.Length);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per item, scaled to the largest value.</summary>
    public static string Bars(string label, IReadOnlyList<(string Name, double Value, string Text)> items, string color)
    {
        const int row = 22;
        var height = Top + (row * Math.Max(1, items.Count)) + 8;
        var max = items.Select(i => i.Value).DefaultIfEmpty(0).Max();
        var svg = Open(label, height);
        const int labelWidth = 200;
        for (var i = 0; i < items.Count; i++)
        {
            var (name, value, text) = items[i];
            var y = Top + (i * row);
            var width = max > 0 ? Math.Max(1, value / max * (Width - labelWidth - 80)) : 1;
            svg.Append(F($"<text x=\"{labelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"11\">{E(Shorten(name))}</text>"));
            svg.Append(F($"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{row - 6}\" fill=\"{color}\"/>"));
            svg.Append(F($"<text x=\"{labelWidth + width + 4:0.#}\" y=\"{y + 14}\" font-size=\"11\">{E(text)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string label, int height) =>
        new StringBuilder().Append(F($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{E(label)}\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\">"));

    private static string Shorten(string name) => name.Length <= 30 ? name : string.Concat(name.AsSpan(0, 29), "…");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
