using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>sequentially_scanned_table</c>: a table of at least <see cref="AnalysisThresholds.SequentialScanMinimumRows" />
///     live rows whose sequential scans since the statistics reset are at least
///     <see cref="AnalysisThresholds.SequentialScanMinimumScans" />, at least
///     <see cref="AnalysisThresholds.SequentialScanShare" /> of its scans, and return on average at least
///     <see cref="AnalysisThresholds.SequentialScanRowsShare" /> of its rows (a scan stopped early by a LIMIT, or a
///     small table, is not the problem). A warning only when the statistics window can judge it
///     (<see cref="StatisticsWindow" />, as for <c>unused_index</c>); info otherwise. Advice: which index depends on the
///     queries (<c>cmms-db advise</c> derives it from them).
/// </summary>
internal static class SequentialScanCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var window = StatisticsWindow.Of(catalog.Facts);
        var indexScans = catalog.Indexes.GroupBy(i => i.QualifiedTable, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => i.Scans), StringComparer.Ordinal);
        var rowsRead = catalog.Health.Tables.ToDictionary(t => t.QualifiedName, t => t.SequentialRowsRead, StringComparer.Ordinal);
        foreach (var table in catalog.Tables.Where(t => t.Kind == RelationKind.Table && Rows(t) >= AnalysisThresholds.SequentialScanMinimumRows
            && t.SequentialScans >= AnalysisThresholds.SequentialScanMinimumScans))
        {
            var rows = Rows(table);
            var scans = indexScans.GetValueOrDefault(table.QualifiedName);
            var perScan = rowsRead.GetValueOrDefault(table.QualifiedName) / (double)table.SequentialScans;
            if (table.SequentialScans < (table.SequentialScans + scans) * AnalysisThresholds.SequentialScanShare
                || perScan < rows * AnalysisThresholds.SequentialScanRowsShare)
            {
                continue;
            }

            yield return new Finding(
                FindingKind.SequentiallyScannedTable,
                window.TooEarly is null ? FindingSeverity.Warning : FindingSeverity.Info,
                table.QualifiedName,
                null,
                null,
                $"{table.QualifiedName} ({FindingText.Count(rows)} rows) was read by {FindingText.Count(table.SequentialScans)} sequential scans "
                + $"returning {FindingText.Count((long)perScan)} rows each on average, against {FindingText.Count(scans)} index scans, since {window.Since}: "
                + "queries that filter it read every row."
                + (window.TooEarly is null ? string.Empty : $" Too early to judge: {window.TooEarly}."),
                ColumnFixSql.Advice(
                    $"find the queries that scan {table.QualifiedName} (pg_stat_statements, or cmms-db advise) and index the columns they filter on:",
                    $"CREATE INDEX CONCURRENTLY ON {catalog.Quoter.Quote(table.Schema, table.Name)} (<columns>);"));
        }
    }

    // The planner's row count as of the last vacuum or analyze; n_live_tup can count a session's inserts twice when it
    // analyzes before its own counters reach the statistics (PostgreSQL 15), so it is only the fallback.
    private static long Rows(CatalogTable table) => table.EstimatedRows >= 0 ? (long)table.EstimatedRows : table.LiveTuples;
}
