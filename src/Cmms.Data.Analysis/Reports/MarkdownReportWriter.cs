using System.Globalization;
using System.Text;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Reports;

/// <summary>
///     Writes the report for a pull-request comment: a headline, one table row per finding, the fixes in a folded
///     SQL block, and the table sizes folded too.
/// </summary>
/// <remarks>
///     Every name is hostile. In cells, unprintable characters are escaped (<see cref="UnprintableText" />) and
///     markdown punctuation is backslash-escaped, so a name can neither end its row nor become a link or markup
///     (https://github.github.com/gfm/#backslash-escapes). In the SQL block, the comment above each fix holds escaped
///     names only (a <c>--</c> comment ends at a line break, and an escaped name has none), the fixes are printed as
///     they are, and the fence is longer than any run of backticks inside, so no name can close it
///     (https://github.github.com/gfm/#fenced-code-blocks).
/// </remarks>
public static class MarkdownReportWriter
{
    /// <summary>The report in this format, every database-derived name escaped for it.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The rendered report.</returns>
    public static string Write(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var summary = report.Summary;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### cmms-db analyze: {ReportHeadline.Counts(summary)}").AppendLine();
        text.AppendLine(Cell(ReportHeadline.Context(summary))).AppendLine();

        if (report.Findings.Count > 0)
        {
            text.AppendLine("| Severity | Kind | Table | Index or constraint | Covered by | Detail |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var f in report.Findings)
            {
                var severity = f.Severity == FindingSeverity.Error ? "**error**" : f.Severity.Name();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {severity} | `{f.Kind.Name()}` | {Code(f.Table)} | {Code(f.Index)} | {Code(f.CoveredBy)} | {Cell(f.Detail)} |");
            }

            text.AppendLine();
            AppendFixes(text, report.Findings);
        }

        foreach (var note in summary.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"> **Note:** {Cell(note)}").AppendLine();
        }

        AppendTables(text, report.Tables);
        return text.ToString();
    }

    private static void AppendFixes(StringBuilder text, IReadOnlyList<Finding> findings)
    {
        var fence = new string('`', Math.Max(3, findings.Select(f => MarkdownText.LongestBacktickRun(f.Fix)).DefaultIfEmpty(0).Max() + 1));
        text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Fixes ({findings.Count})</summary>").AppendLine();
        text.AppendLine(fence + "sql");
        foreach (var f in findings)
        {
            var subject = string.Join(" ", new[] { f.Kind.Name(), f.Table, f.Index }.OfType<string>().Select(UnprintableText.Escape));
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {subject}");
            text.AppendLine(f.Fix).AppendLine();
        }

        text.AppendLine(fence).AppendLine().AppendLine("</details>").AppendLine();
    }

    private static void AppendTables(StringBuilder text, IReadOnlyList<TableReport> tables)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Tables ({tables.Count})</summary>").AppendLine();
        text.AppendLine("| Table | Est. rows | Total | Table | Indexes | Dead tuples |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|");
        foreach (var t in tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Code(t.Table)} | {ReportHeadline.Rows(t)} | {FindingText.Size(t.TotalBytes)} | "
                + $"{FindingText.Size(t.TableBytes)} | {FindingText.Size(t.IndexBytes)} | {ReportHeadline.Dead(t)} |");
        }

        text.AppendLine().AppendLine("</details>");
    }

    private static string Code(string? name) => name is null ? string.Empty : MarkdownText.Name(name);

    private static string Cell(string text) => MarkdownText.Cell(text);
}
