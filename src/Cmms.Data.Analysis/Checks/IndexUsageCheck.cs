using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>invalid_index</c> (left by a failed concurrent build) and <c>unused_index</c> (scanned fewer than
///     <see cref="AnalysisThresholds.UnusedIndexScans" /> times since the statistics reset; a warning only when that
///     reset is at least <see cref="AnalysisThresholds.UnusedEvidenceWindow" /> old and the table was read at least
///     <see cref="AnalysisThresholds.UnusedEvidenceTableReads" /> times, else info saying why it is too early to judge).
/// </summary>
internal static class IndexUsageCheck
{
    /// <summary>
    ///     Invalid indexes, each with its rebuild. An index attached to an invalid partitioned table's index is left to
    ///     that one (it cannot be dropped alone, and the parent's rebuild replaces it); a partitioned table's index is
    ///     rebuilt as a twin (<see cref="PartitionedIndexRebuild" />).
    /// </summary>
    public static IEnumerable<Finding> FindInvalid(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var invalid = catalog.Indexes.Where(i => !i.IsValid).ToList();
        var parentSchemas = catalog.Tables.Where(t => t.ParentSchema is not null).ToDictionary(t => t.QualifiedName, t => t.ParentSchema!, StringComparer.Ordinal);
        var invalidNames = invalid.Select(i => (i.Schema, i.Name)).ToHashSet();
        var taken = FixSql.TakenNames(catalog);
        foreach (var index in invalid.Where(i => !(i.ParentIndex is { } parent && invalidNames.Contains((parentSchemas.GetValueOrDefault(i.QualifiedTable, i.Schema), parent)))))
        {
            var cause = index.Definition.IsUnique
                ? " A unique build usually fails on duplicate rows: remove them before rebuilding."
                : string.Empty;
            var partitioned = index is { IsPartitioned: true, BacksConstraint: false };
            var how = partitioned
                ? " A partitioned table's index cannot be rebuilt in place: the fix builds a twin on every partition concurrently, "
                    + "attaches it, drops the invalid index (a short ACCESS EXCLUSIVE lock) and renames the twin."
                : string.Empty;
            yield return new Finding(
                FindingKind.InvalidIndex,
                FindingSeverity.Error,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} {FindingText.Shape(index.Definition)} is invalid: a concurrent build failed (or is running now). "
                + $"Every write maintains it, no query uses it.{cause}{how}",
                partitioned
                    ? PartitionedIndexRebuild.Statements(index, catalog, taken)
                    : FixSql.DropIndex(index, catalog.Quoter) + Environment.NewLine + FixSql.Recreate(index));
        }
    }

    /// <summary>
    ///     Unused indexes, leaving out those that enforce something or serve a foreign key (their use is not measured
    ///     by scans), those another finding already proposes to drop, and those another finding names as the cover
    ///     of an index it drops (that index's queries move to the cover, so dropping both would leave them none).
    ///     A partitioned table's index is judged by the scans of the partitions' indexes attached to it, and dropped
    ///     at the parent: an attached index cannot be dropped alone.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="kept">Indexes not to report, as <c>(table, index)</c>: proposed for dropping, or covers.</param>
    public static IEnumerable<Finding> FindUnused(CatalogSnapshot catalog, IReadOnlySet<(string Table, string Index)> kept)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(kept);

        var foreignKeys = catalog.Constraints.Where(c => c.IsForeignKey).ToLookup(c => c.QualifiedTable, StringComparer.Ordinal);
        var window = StatisticsWindow.Of(catalog.Facts);
        var reads = TableReads(catalog);

        var attached = AttachedIndexes(catalog);
        foreach (var index in catalog.Indexes)
        {
            var leaves = Leaves(index, attached).ToList();
            var scans = leaves.Sum(i => i.Scans);
            if (!index.IsValid
                || index.ParentIndex is not null
                || leaves.Count == 0
                || index.Definition.EnforcesUniqueness
                || index.BacksConstraint
                || scans >= AnalysisThresholds.UnusedIndexScans
                || kept.Contains((index.QualifiedTable, index.Name))
                || foreignKeys[index.QualifiedTable].Any(fk => IndexRedundancyRules.ServesForeignKey(index.Definition, fk.Columns)))
            {
                continue;
            }

            var tableReads = leaves.Select(i => i.QualifiedTable).Distinct(StringComparer.Ordinal).Sum(t => reads.GetValueOrDefault(t));
            var verdict = window.TooEarly
                ?? (tableReads < AnalysisThresholds.UnusedEvidenceTableReads
                    ? $"the table was read only {FindingText.Count(tableReads)} times ({FindingText.Count(AnalysisThresholds.UnusedEvidenceTableReads)} needed)"
                    : null);
            yield return new Finding(
                FindingKind.UnusedIndex,
                verdict is null ? FindingSeverity.Warning : FindingSeverity.Info,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} {FindingText.Shape(index.Definition)} was scanned {FindingText.Count(scans)} times"
                + (index.IsPartitioned ? $" on its {leaves.Count} partitions" : string.Empty)
                + $" since {window.Since}; it takes {FindingText.Size(leaves.Sum(i => i.SizeBytes))} and work on every write."
                + (verdict is null ? string.Empty : $" Too early to judge: {verdict}."),
                FixSql.DropIndex(index, catalog.Quoter));
        }
    }

    // Reads of each table since the reset: its sequential scans plus the scans of all its indexes.
    private static Dictionary<string, long> TableReads(CatalogSnapshot catalog)
    {
        var indexScans = catalog.Indexes.GroupBy(i => i.QualifiedTable, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => i.Scans), StringComparer.Ordinal);
        return catalog.Tables.ToDictionary(t => t.QualifiedName, t => t.SequentialScans + indexScans.GetValueOrDefault(t.QualifiedName), StringComparer.Ordinal);
    }

    // The partitions' indexes attached to each partitioned table's index, by (parent table's schema, parent index).
    private static ILookup<(string Schema, string Name), CatalogIndex> AttachedIndexes(CatalogSnapshot catalog)
    {
        var parentSchemas = catalog.Tables.Where(t => t.ParentSchema is not null).ToDictionary(t => t.QualifiedName, t => t.ParentSchema!, StringComparer.Ordinal);
        return catalog.Indexes
            .Where(i => i.ParentIndex is not null && parentSchemas.ContainsKey(i.QualifiedTable))
            .ToLookup(i => (parentSchemas[i.QualifiedTable], i.ParentIndex!));
    }

    // The indexes that hold entries for this one: itself, or for a partitioned table's index those of every leaf partition.
    private static IEnumerable<CatalogIndex> Leaves(CatalogIndex index, ILookup<(string Schema, string Name), CatalogIndex> attached)
        => index.IsPartitioned ? attached[(index.Schema, index.Name)].SelectMany(i => Leaves(i, attached)) : [index];
}
