using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     Estimates how large a btree index would be if freshly built, from the planner's row estimate
///     (<c>pg_class.reltuples</c>) and the average width and null fraction of its columns (<c>pg_stats</c>), the way
///     PostgreSQL lays out leaf pages. The difference to its real size is the estimated bloat.
/// </summary>
/// <remarks>
///     Leaf tuple: an 8-byte header (16 with a null bitmap, weighted by the chance a row has a null), each column
///     aligned to its type (variable-length values stored with short headers, unaligned), the total rounded up to 8
///     bytes, plus a 4-byte line pointer. Page: the block size minus the 24-byte page header and 16-byte btree special
///     space, filled to the index's fill factor. Internal pages add one per leaf-page fan-out, plus the meta page.
///     Deduplication (PostgreSQL 13+) only makes real indexes smaller, so it never causes a false report.
///     Layout: https://www.postgresql.org/docs/current/storage-page-layout.html and
///     https://www.postgresql.org/docs/current/btree-implementation.html
/// </remarks>
internal static class BtreeBloatEstimator
{
    private const int BtreeSpecialBytes = 16;
    private const int TupleHeaderBytes = 8;
    private const int NullBitmapBytes = 4;

    /// <summary>The expected size in bytes, or <see langword="null" /> when the statistics needed are not visible.</summary>
    public static long? ExpectedBytes(CatalogIndex index, IReadOnlyDictionary<string, ColumnStatistic> statistics, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(statistics);

        if (index.Tuples < 0)
        {
            return null;
        }

        var dataBytes = 0.0;
        var noNullChance = 1.0;
        foreach (var column in index.Columns)
        {
            statistics.TryGetValue(CatalogSnapshot.StatisticsKey(index.Schema, column.StatisticsRelation, column.StatisticsColumn), out var stats);
            if (column.Length < 0 && stats is null)
            {
                return null;
            }

            var nullFraction = column.NotNull ? 0 : stats?.NullFraction ?? 0;
            var width = column.Length > 0 ? column.Length : stats!.AverageWidth;
            var alignment = column.Length > 0 ? PageLayout.AlignmentBytes(column.Alignment) : 1;
            dataBytes = PageLayout.Align(dataBytes, alignment) + (width * (1 - nullFraction));
            noNullChance *= 1 - nullFraction;
        }

        var headerBytes = TupleHeaderBytes + ((1 - noNullChance) * (PageLayout.Align(TupleHeaderBytes + NullBitmapBytes, PageLayout.MaxAlign) - TupleHeaderBytes));
        var tupleBytes = PageLayout.Align(headerBytes + dataBytes, PageLayout.MaxAlign) + PageLayout.LinePointerBytes;
        var usable = (blockSize - PageLayout.PageHeaderBytes - BtreeSpecialBytes) * index.FillFactor / 100.0;
        var perPage = Math.Max(1, Math.Floor(usable / tupleBytes));
        var leafPages = Math.Ceiling(index.Tuples / perPage);
        var internalPages = Math.Ceiling(leafPages / perPage);
        return (long)(leafPages + internalPages + 1) * blockSize;
    }
}
