using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>bloated_index</c>: a valid btree whose size exceeds the <see cref="BtreeBloatEstimator" /> estimate by at
///     least <see cref="AnalysisThresholds.BloatFraction" /> of its size and <see cref="AnalysisThresholds.BloatMinimumBytes" />.
/// </summary>
internal static class BloatCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(notes);

        var blockSize = catalog.Facts.BlockSize;
        var findings = new List<Finding>();
        var unknown = 0;
        foreach (var index in catalog.Indexes.Where(i => i.IsValid && !i.IsPartitioned && i.Pages > 1
            && string.Equals(i.Definition.Method, "btree", StringComparison.OrdinalIgnoreCase)))
        {
            if (BtreeBloatEstimator.ExpectedBytes(index, catalog.Statistics, blockSize) is not { } expected)
            {
                unknown++;
                continue;
            }

            var actual = index.Pages * blockSize;
            var wasted = actual - expected;
            if (wasted < AnalysisThresholds.BloatMinimumBytes || wasted < actual * AnalysisThresholds.BloatFraction)
            {
                continue;
            }

            findings.Add(new Finding(
                FindingKind.BloatedIndex,
                FindingSeverity.Warning,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} takes {FindingText.Size(actual)} but its {FindingText.Count((long)index.Tuples)} entries need about "
                + $"{FindingText.Size(expected)}: an estimated {FindingText.Percent((double)wasted / actual)} ({FindingText.Size(wasted)}) "
                + "is space left by deleted or updated rows.",
                $"REINDEX INDEX CONCURRENTLY {catalog.Quoter.Quote(index.Schema, index.Name)};"));
        }

        if (unknown > 0)
        {
            notes.Add($"Bloat not estimated for {unknown} btree index(es): the table was never analyzed, or this role may not read "
                + "its column statistics (pg_stats shows only columns the role can SELECT).");
        }

        return findings;
    }
}
