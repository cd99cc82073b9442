using System.Text;
using Cmms.Data.Bench.Benchmarks;
using static System.FormattableString;

namespace Cmms.Data.Bench.Reports;

/// <summary>
///     Writes <c>writer-latency.svg</c>: the writers' latency over time while <c>AddIndexes</c> runs, plain EF Core and
///     Cmms.Data on one plot (the slowest statement started in each 100 ms, log scale, time from the migration's
///     start), with each migration's span shaded. Plain SVG, so browsers and GitHub render it.
/// </summary>
internal static class TimelineChartWriter
{
    public const string FileName = "writer-latency.svg";

    private const int Width = 960;
    private const int Height = 420;
    private const int Left = 70;
    private const int Right = 30;
    private const int Top = 70;
    private const int Bottom = 360;

    private static readonly Dictionary<string, string> Colors = new()
    {
        ["plainEfCore"] = "#f28e2b",
        ["cmmsData"] = "#4e79a7",
    };

    public static string Write(MigrationUnderLoadResult result)
    {
        var points = result.Engines.SelectMany(e => e.Timeline).ToList();
        var first = points.Count == 0 ? 0 : points.Min(p => p.Seconds);
        var last = Math.Max(first + 1, points.Count == 0 ? 1 : points.Max(p => p.Seconds));
        var lowDecade = -1.0;
        var highDecade = Math.Max(2, Math.Ceiling(Math.Log10(Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.MaxLatencyMs)))));
        double X(double seconds) => Left + ((Width - Left - Right) * (seconds - first) / (last - first));
        double Y(double ms) => Bottom - ((Bottom - Top) * (Math.Log10(Math.Max(ms, Math.Pow(10, lowDecade))) - lowDecade) / (highDecade - lowDecade));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>"));
        Text(svg, Width / 2.0, 22, Invariant($"Writer latency while AddIndexes runs ({result.Writers} writer sessions; slowest statement per 100 ms, log scale)"), "middle", 15, bold: true);
        var legendX = (double)Left;
        foreach (var engine in result.Engines)
        {
            var color = Colors.GetValueOrDefault(engine.Key, "#333333");
            svg.Append(Invariant($"<rect x=\"{X(0):F1}\" y=\"{Top}\" width=\"{Math.Max(1, X(engine.TimelineMigrationSeconds) - X(0)):F1}\" height=\"{Bottom - Top}\" fill=\"{color}\" fill-opacity=\"0.12\"><title>{Escape(engine.Title)}: migration {engine.TimelineMigrationSeconds:F2} s</title></rect>"));
            svg.Append(Invariant($"<rect x=\"{legendX:F1}\" y=\"{40}\" width=\"12\" height=\"10\" fill=\"{color}\"/>"));
            Text(svg, legendX + 16, 49, Invariant($"{engine.Title}: migration {engine.TimelineMigrationSeconds:F2} s (shaded), p99 during {engine.During.P99:F1} ms"), "start");
            legendX += 430;
        }

        for (var decade = lowDecade; decade <= highDecade; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Width - Right}\" y2=\"{y:F1}\" stroke=\"#dddddd\"/>"));
            Text(svg, Left - 6, y + 4, Invariant($"{Math.Pow(10, decade):0.###} ms"), "end", 11);
        }

        var step = NiceStep((last - first) / 10);
        for (var tick = Math.Ceiling(first / step) * step; tick <= last; tick += step)
        {
            var x = X(tick);
            svg.Append(Invariant($"<line x1=\"{x:F1}\" y1=\"{Bottom}\" x2=\"{x:F1}\" y2=\"{Bottom + 5}\" stroke=\"#333333\"/>"));
            Text(svg, x, Bottom + 18, Invariant($"{tick:0.##} s"), "middle", 11);
        }

        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Width - Right}\" y2=\"{Bottom}\" stroke=\"#333333\"/>"));
        svg.Append(Invariant($"<line x1=\"{X(0):F1}\" y1=\"{Top}\" x2=\"{X(0):F1}\" y2=\"{Bottom}\" stroke=\"#333333\" stroke-dasharray=\"4,3\"/>"));
        Text(svg, X(0) + 4, Top + 12, "migration starts", "start", 11, color: "#555555");
        Text(svg, Width / 2.0, Bottom + 40, "seconds from the start of the migration (first run of each engine)", "middle", 12);
        foreach (var engine in result.Engines.Where(e => e.Timeline.Count > 0))
        {
            var path = string.Join(" ", engine.Timeline.Select(p => Invariant($"{X(p.Seconds):F1},{Y(p.MaxLatencyMs):F1}")));
            svg.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{Colors.GetValueOrDefault(engine.Key, "#333333")}\" stroke-width=\"1.5\"><title>{Escape(engine.Title)}</title></polyline>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(rough, 1e-3))));
        return new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size = 12, bool bold = false, string color = "#222222")
        => svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{y:F1}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{color}\"{(bold ? " font-weight=\"bold\"" : "")}>{Escape(text)}</text>"));

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
