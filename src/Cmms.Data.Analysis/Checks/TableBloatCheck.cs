using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>bloated_table</c>: a heap whose pages exceed the <see cref="HeapBloatEstimator" /> estimate by at least
///     <see cref="AnalysisThresholds.TableBloatFraction" /> of its size and <see cref="AnalysisThresholds.TableBloatMinimumBytes" />.
///     Advice only: the statement that returns the space, <c>VACUUM FULL</c>, holds an ACCESS EXCLUSIVE lock for the
///     whole rewrite; plain vacuum only makes the space reusable.
/// </summary>
internal static class TableBloatCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(notes);

        var blockSize = catalog.Facts.BlockSize;
        var columns = ColumnFixSql.ColumnsByTable(catalog);
        var findings = new List<Finding>();
        var unknown = 0;
        foreach (var table in catalog.Health.Tables.Where(t => t.FrozenXidAge is not null && t.Pages * blockSize >= AnalysisThresholds.TableBloatMinimumBytes))
        {
            if (HeapBloatEstimator.ExpectedBytes(table, columns[table.QualifiedName].ToList(), catalog.Statistics, blockSize) is not { } expected)
            {
                unknown++;
                continue;
            }

            var actual = table.Pages * blockSize;
            var wasted = actual - expected;
            if (wasted < AnalysisThresholds.TableBloatMinimumBytes || wasted < actual * AnalysisThresholds.TableBloatFraction)
            {
                continue;
            }

            var quoted = catalog.Quoter.Quote(table.Schema, table.Name);
            findings.Add(new Finding(
                FindingKind.BloatedTable,
                FindingSeverity.Warning,
                table.QualifiedName,
                null,
                null,
                $"{table.QualifiedName} takes {FindingText.Size(actual)} but its {FindingText.Count((long)table.Tuples)} rows need about "
                + $"{FindingText.Size(expected)}: an estimated {FindingText.Percent((double)wasted / actual)} ({FindingText.Size(wasted)}) is space "
                + "left by deleted or updated rows. Vacuum makes it reusable but returns it only from the end of the table.",
                ColumnFixSql.Advice(
                    "find why vacuum fell behind (long transactions, autovacuum settings), then rewrite the table:",
                    $"VACUUM (FULL, ANALYZE) {quoted}; -- blocks every read and write until done",
                    "or rebuild it online with the pg_repack extension")));
        }

        if (unknown > 0)
        {
            notes.Add($"Table bloat not estimated for {unknown} table(s): never analyzed, or this role may not read all of their column statistics.");
        }

        return findings;
    }
}
