using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     Estimates the heap pages a table's live rows need, from the planner's statistics alone (no table data is read,
///     unlike <c>pgstattuple</c>): the width of an average row (tuple header with its null bitmap, each column aligned,
///     variable-length columns by <c>pg_stats.avg_width</c>, which counts a TOASTed value by its pointer), the rows that
///     fit in a page at the table's fill factor, and <c>reltuples</c> rows. Page layout:
///     https://www.postgresql.org/docs/current/storage-page-layout.html
/// </summary>
internal static class HeapBloatEstimator
{
    private const int TupleHeaderBytes = 23;

    /// <summary>The bytes the rows need, or null when a column has no visible statistics or the table was never analyzed.</summary>
    public static long? ExpectedBytes(
        TableHealth table,
        IReadOnlyList<CatalogColumn> columns,
        IReadOnlyDictionary<string, ColumnStatistic> statistics,
        int blockSize)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(statistics);

        if (table.Tuples < 0 || columns.Count == 0)
        {
            return null;
        }

        if (table.Tuples == 0)
        {
            return 0;
        }

        double data = 0;
        var nullable = false;
        foreach (var column in columns.OrderBy(c => c.Number))
        {
            if (!statistics.TryGetValue(CatalogSnapshot.StatisticsKey(column.Schema, column.Table, column.Name), out var statistic))
            {
                return null;
            }

            nullable |= statistic.NullFraction > 0;
            var present = 1 - statistic.NullFraction;
            if (column.Length > 0)
            {
                data = PageLayout.Align(data, PageLayout.AlignmentBytes(column.Alignment)) + (present * column.Length);
            }
            else
            {
                // avg_width counts non-null values with their header; a short (1-byte header) varlena is unaligned.
                var width = statistic.AverageWidth;
                data = (width < 127 ? data : PageLayout.Align(data, PageLayout.AlignmentBytes(column.Alignment))) + (present * width);
            }
        }

        var header = TupleHeaderBytes + (nullable ? (columns.Count + 7) / 8 : 0);
        var tupleBytes = PageLayout.Align(PageLayout.Align(header, PageLayout.MaxAlign) + data, PageLayout.MaxAlign) + PageLayout.LinePointerBytes;
        var usable = (blockSize - PageLayout.PageHeaderBytes) * (table.FillFactor / 100.0);
        var perPage = Math.Max(1, Math.Floor(usable / tupleBytes));
        return (long)Math.Ceiling(table.Tuples / perPage) * blockSize;
    }
}
