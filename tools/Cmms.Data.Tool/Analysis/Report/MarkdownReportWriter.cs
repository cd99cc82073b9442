using System.Globalization;
using System.Text;
using Cmms.Data.Tool.Analysis.Findings;

namespace Cmms.Data.Tool.Analysis.Report;

/// <summary>
///     Writes the report for a pull-request comment: a headline, one table row per finding, the fixes in a folded
///     SQL block, and the table sizes folded too.
/// </summary>
internal static class MarkdownReportWriter
{
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
        text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Fixes ({findings.Count})</summary>").AppendLine();
        text.AppendLine("```sql");
        foreach (var f in findings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {string.Join(" ", new[] { f.Kind.Name(), f.Table, f.Index }.OfType<string>())}");
            text.AppendLine(f.Fix.Replace("```", "` ` `", StringComparison.Ordinal)).AppendLine();
        }

        text.AppendLine("```").AppendLine().AppendLine("</details>").AppendLine();
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

    // A name in a code span; one holding a backtick is written as escaped text instead.
    private static string Code(string? name)
        => name is null ? string.Empty : name.Contains('`', StringComparison.Ordinal) ? Cell(name) : $"`{name.Replace("|", "\\|", StringComparison.Ordinal)}`";

    private static string Cell(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .ReplaceLineEndings("<br>");
}
