using System.Globalization;
using System.Text;
using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.Bench.Schemas;
using static System.FormattableString;

namespace Cmms.Data.Bench.Reports;

/// <summary>
///     Writes <c>chart.svg</c>: read speedup per query on a log scale, then bulk-load throughput, single-row INSERT
///     cost and index size per schema. Plain SVG (no script, no external font), so browsers and GitHub render it.
/// </summary>
internal static class SvgChartWriter
{
    public const string FileName = "chart.svg";

    private const int Width = 960;
    private const int Left = 70;
    private const int Right = 30;
    private const int RowHeight = 20;

    private static readonly Dictionary<BenchSchema, string> Colors = new()
    {
        [BenchSchema.Unindexed] = "#9e9e9e",
        [BenchSchema.AsDeclared] = "#f28e2b",
        [BenchSchema.CmmsData] = "#4e79a7",
    };

    public static string Write(BenchResults results)
    {
        var body = new StringBuilder();
        var top = Speedups(body, results.Queries, 0);
        var panelWidth = (Width - 40) / 3;
        Bars(body, 20, top, panelWidth, "Bulk writes, write-heavy tables (rows/s)",
            BenchSchemaNames.All.Select(s =>
            {
                var rate = TargetJudge.BulkThroughput(results.Writes, s.Key());
                return (s, rate, Number(rate, "N0"));
            }).ToList());
        Bars(body, 20 + panelWidth, top, panelWidth, "Single-row INSERT, server µs (5 tables)",
            BenchSchemaNames.All.Select(s =>
            {
                var micros = results.Writes.Sum(w => w.Schemas[s.Key()].InsertServer.Median) * 1000;
                return (s, micros, Number(micros, "N0"));
            }).ToList());
        Bars(body, 20 + (2 * panelWidth), top, panelWidth, "Index size (MiB)",
            results.Schemas.Select(s => (Schema(s.Key), s.IndexBytes / 1048576.0, Number(s.IndexBytes / 1048576.0, "N1"))).ToList());
        var height = top + 230;
        return new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"))
            .Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>"))
            .Append(body)
            .Append("</svg>")
            .ToString();
    }

    // Horizontal bars per query: (a)/(c) and (b)/(c) of the median server time, on a log axis with the 100x target marked.
    private static int Speedups(StringBuilder svg, IReadOnlyList<QueryResult> queries, int top)
    {
        var values = queries.SelectMany(q => new[] { q.SpeedupUnindexed, q.RatioAsDeclared }).Where(v => v > 0 && double.IsFinite(v)).ToList();
        var low = Math.Min(-1, Math.Floor(Math.Log10(values.Min())));
        var high = Math.Max(3, Math.Ceiling(Math.Log10(values.Max())));
        var plotWidth = Width - Left - Right;
        double X(double ratio) => Left + (plotWidth * (Math.Log10(Math.Max(ratio, Math.Pow(10, low))) - low) / (high - low));

        Text(svg, Width / 2, top + 22, "Read speedup per catalog query (median server time, log scale)", "middle", 15, bold: true);
        Legend(svg, top + 40, [("(a)/(c): unindexed vs Cmms.Data", Colors[BenchSchema.Unindexed]), ("(b)/(c): as declared vs Cmms.Data", Colors[BenchSchema.AsDeclared])]);
        var plotTop = top + 58;
        var plotBottom = plotTop + (queries.Count * RowHeight);
        for (var decade = low; decade <= high; decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.Append(Invariant($"<line x1=\"{x:F1}\" y1=\"{plotTop}\" x2=\"{x:F1}\" y2=\"{plotBottom}\" stroke=\"{(decade == 0 ? "#333333" : "#dddddd")}\"/>"));
            Text(svg, x, plotBottom + 16, Invariant($"{Math.Pow(10, decade):0.###}x"), "middle");
        }

        var target = X(100);
        svg.Append(Invariant($"<line x1=\"{target:F1}\" y1=\"{plotTop - 4}\" x2=\"{target:F1}\" y2=\"{plotBottom}\" stroke=\"#c0392b\" stroke-dasharray=\"5,3\"/>"));
        Text(svg, target + 4, plotTop - 6, "target 100x", "start", 11, color: "#c0392b");
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var y = plotTop + (i * RowHeight);
            Text(svg, Left - 8, y + 14, q.Id + (q.Selective ? string.Empty : " †"), "end");
            Bar(svg, X(Math.Pow(10, low)), y + 3, X(q.SpeedupUnindexed), 7, Colors[BenchSchema.Unindexed], Invariant($"{q.Id} (a)/(c) {q.SpeedupUnindexed:F1}x"));
            Bar(svg, X(Math.Pow(10, low)), y + 10, X(q.RatioAsDeclared), 7, Colors[BenchSchema.AsDeclared], Invariant($"{q.Id} (b)/(c) {q.RatioAsDeclared:F2}x"));
            Text(svg, X(q.SpeedupUnindexed) + 4, y + 10, Number(q.SpeedupUnindexed, q.SpeedupUnindexed >= 10 ? "N0" : "N1") + "x", "start", 10, color: "#555555");
        }

        Text(svg, Left, plotBottom + 34, "† not selective (Q23: top of a precomputed view; Q24: time range through a lossy BRIN index)", "start", 11, color: "#555555");
        return plotBottom + 50;
    }

    // One small vertical bar chart, one bar per schema, value labels above the bars.
    private static void Bars(StringBuilder svg, int left, int top, int width, string title, IReadOnlyList<(BenchSchema Schema, double Value, string Label)> bars)
    {
        Text(svg, left + (width / 2.0), top + 14, title, "middle", 12, bold: true);
        var max = Math.Max(bars.Max(b => b.Value), 1e-9);
        const int chartTop = 40;
        const int chartHeight = 140;
        var slot = (width - 40) / bars.Count;
        var baseline = top + chartTop + chartHeight;
        svg.Append(Invariant($"<line x1=\"{left + 20}\" y1=\"{baseline}\" x2=\"{left + width - 20}\" y2=\"{baseline}\" stroke=\"#333333\"/>"));
        for (var i = 0; i < bars.Count; i++)
        {
            var (schema, value, label) = bars[i];
            var height = chartHeight * value / max;
            var x = left + 20 + (i * slot) + (slot * 0.2);
            svg.Append(Invariant($"<rect x=\"{x:F1}\" y=\"{baseline - height:F1}\" width=\"{slot * 0.6:F1}\" height=\"{height:F1}\" fill=\"{Colors[schema]}\"><title>{Escape(schema.Title())}: {Escape(label)}</title></rect>"));
            Text(svg, x + (slot * 0.3), baseline - height - 4, label, "middle", 11);
            Text(svg, x + (slot * 0.3), baseline + 16, schema.Title(), "middle", 11);
        }
    }

    private static void Legend(StringBuilder svg, int y, IReadOnlyList<(string Label, string Color)> entries)
    {
        var x = Left;
        foreach (var (label, color) in entries)
        {
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y - 9}\" width=\"12\" height=\"10\" fill=\"{color}\"/>"));
            Text(svg, x + 16, y, label, "start");
            x += 300;
        }
    }

    private static void Bar(StringBuilder svg, double x0, double y, double x1, double height, string color, string title)
        => svg.Append(Invariant($"<rect x=\"{x0:F1}\" y=\"{y:F1}\" width=\"{Math.Max(1, x1 - x0):F1}\" height=\"{height:F1}\" fill=\"{color}\"><title>{Escape(title)}</title></rect>"));

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size = 12, bool bold = false, string color = "#222222")
        => svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{y:F1}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{color}\"{(bold ? " font-weight=\"bold\"" : "")}>{Escape(text)}</text>"));

    private static BenchSchema Schema(string key) => BenchSchemaNames.All.Single(s => s.Key() == key);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
