using System.Globalization;
using System.Text;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Reports;

/// <summary>
///     Writes the report for a terminal: findings with their fixes, the counts, then the tables. Names and sentences
///     are shown with unprintable characters escaped (<see cref="UnprintableText" />), so a name cannot move the cursor,
///     recolour the terminal or start a line that looks like a finding; fixes are printed as they are, never wrapped
///     (their names are already quoted in a one-line form by <see cref="SqlQuoter" />).
/// </summary>
public static class TextReportWriter
{
    private const string Indent = "    ";

    /// <summary>The report in this format, every database-derived name escaped for it.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The rendered report.</returns>
    public static string Write(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var text = new StringBuilder();
        text.AppendLine(Show(ReportHeadline.Context(report.Summary))).AppendLine();
        AppendFindings(text, report.Findings);
        text.AppendLine(ReportHeadline.Counts(report.Summary));
        foreach (var note in report.Summary.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"note: {Show(note)}");
        }

        text.AppendLine();
        AppendTables(text, report.Tables);
        return text.ToString();
    }

    /// <summary>
    ///     Findings alone, each as the report shows it (severity, kind, table and object; the detail; the fix), for a
    ///     message of their own such as a failed test's.
    /// </summary>
    /// <param name="findings">The findings.</param>
    /// <returns>The rendered findings, every database-derived name escaped.</returns>
    public static string WriteFindings(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);

        var text = new StringBuilder();
        AppendFindings(text, findings);
        return text.ToString();
    }

    private static void AppendFindings(StringBuilder text, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            var coveredBy = finding.CoveredBy is null ? string.Empty : $" (covered by {Show(finding.CoveredBy)})";
            text.AppendLine(CultureInfo.InvariantCulture, $"{finding.Severity.Name().ToUpperInvariant(),-8}{finding.Kind.Name()}{Target(finding)}{coveredBy}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{Show(finding.Detail)}");
            foreach (var line in finding.Fix.Split(Environment.NewLine))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{Indent}{line}");
            }

            text.AppendLine();
        }
    }

    private static string Target(Finding finding)
        => string.Concat(new[] { finding.Table, finding.Index }.OfType<string>().Select(part => "  " + Show(part)));

    private static void AppendTables(StringBuilder text, IReadOnlyList<TableReport> tables)
    {
        var width = Math.Max("table".Length, tables.Select(t => Show(t.Table).Length).DefaultIfEmpty(0).Max());
        text.AppendLine(CultureInfo.InvariantCulture, $"{"table".PadRight(width)}  {"est. rows",12}  {"total",10}  {"table",10}  {"indexes",10}  {"dead",6}");
        foreach (var table in tables)
        {
            var row = $"{Show(table.Table).PadRight(width)}  {ReportHeadline.Rows(table),12}  {FindingText.Size(table.TotalBytes),10}  "
                + $"{FindingText.Size(table.TableBytes),10}  {FindingText.Size(table.IndexBytes),10}  {ReportHeadline.Dead(table),6}";
            text.AppendLine(row);
        }
    }

    private static string Show(string text) => UnprintableText.Escape(text);
}
