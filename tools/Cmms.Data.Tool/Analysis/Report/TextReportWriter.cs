using System.Globalization;
using System.Text;
using Cmms.Data.Tool.Analysis.Findings;

namespace Cmms.Data.Tool.Analysis.Report;

/// <summary>Writes the report for a terminal: findings with their fixes, the counts, then the tables.</summary>
internal static class TextReportWriter
{
    private const string Indent = "    ";

    public static string Write(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var text = new StringBuilder();
        text.AppendLine(ReportHeadline.Context(report.Summary)).AppendLine();
        foreach (var finding in report.Findings)
        {
            var coveredBy = finding.CoveredBy is null ? string.Empty : $" (covered by {finding.CoveredBy})";
            text.AppendLine(CultureInfo.InvariantCulture, $"{finding.Severity.Name().ToUpperInvariant(),-8}{finding.Kind.Name()}{Target(finding)}{coveredBy}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{finding.Detail}");
            foreach (var line in finding.Fix.Split(Environment.NewLine))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{Indent}{line}");
            }

            text.AppendLine();
        }

        text.AppendLine(ReportHeadline.Counts(report.Summary));
        foreach (var note in report.Summary.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"note: {note}");
        }

        text.AppendLine();
        AppendTables(text, report.Tables);
        return text.ToString();
    }

    private static string Target(Finding finding)
        => string.Concat(new[] { finding.Table, finding.Index }.OfType<string>().Select(part => "  " + part));

    private static void AppendTables(StringBuilder text, IReadOnlyList<TableReport> tables)
    {
        var width = Math.Max("table".Length, tables.Select(t => t.Table.Length).DefaultIfEmpty(0).Max());
        text.AppendLine(CultureInfo.InvariantCulture, $"{"table".PadRight(width)}  {"est. rows",12}  {"total",10}  {"table",10}  {"indexes",10}  {"dead",6}");
        foreach (var table in tables)
        {
            var row = $"{table.Table.PadRight(width)}  {ReportHeadline.Rows(table),12}  {FindingText.Size(table.TotalBytes),10}  "
                + $"{FindingText.Size(table.TableBytes),10}  {FindingText.Size(table.IndexBytes),10}  {ReportHeadline.Dead(table),6}";
            text.AppendLine(row);
        }
    }
}
