using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Analysis.Reports;

/// <summary>The sentences and cells the text and markdown reports share.</summary>
internal static class ReportHeadline
{
    /// <summary>What was analyzed: database, server, schemas, model and the statistics window.</summary>
    public static string Context(AnalysisSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);

        var statistics = summary.StatisticsResetAt is { } reset ? $"statistics since {FindingText.Time(reset)}"
            : summary.Engine == "PostgreSQL" ? "statistics never reset"
            : "no statistics";
        return $"{summary.Database} on {summary.Engine} {summary.ServerVersion} · schemas {string.Join(", ", summary.Schemas)} · "
            + $"model {summary.Model} · {statistics} · {SchemaObjectCounts.Describe(summary.TableCount, summary.MaterializedViewCount, summary.IndexCount)}";
    }

    /// <summary>The finding counts: <c>3 findings: 1 error, 2 warnings, 0 info</c>.</summary>
    public static string Counts(AnalysisSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);

        var errors = summary.BySeverity[FindingSeverity.Error.Name()];
        var warnings = summary.BySeverity[FindingSeverity.Warning.Name()];
        var info = summary.BySeverity[FindingSeverity.Info.Name()];
        return summary.FindingCount == 0
            ? "No findings."
            : $"{Plural(summary.FindingCount, "finding")}: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {info} info";
    }

    public static string Rows(TableReport table) => table.EstimatedRows is { } rows ? FindingText.Count(rows) : "?";

    public static string Dead(TableReport table) => table.DeadTupleRatio is { } ratio ? FindingText.Percent(ratio) : "-";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
