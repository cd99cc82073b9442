using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>duplicate_foreign_key</c>: a foreign key identical to another (kept: the first by name), dropped; and
///     <c>fk_without_index</c>: a foreign key whose referencing columns no valid index serves, by
///     <see cref="IndexRedundancyRules.ServesForeignKey" /> (a non-partial btree leading with exactly those columns).
///     Without one, every delete or key update of a referenced row scans the referencing table. Identical foreign keys
///     get one index fix between them. On a partitioned table the foreign key is read where it was declared (its
///     clones on the partitions are left out), and the fix builds the index partition by partition.
/// </summary>
internal static class ForeignKeyCheck
{
    /// <summary>The kinds of finding this check reports.</summary>
    public static readonly IReadOnlyList<FindingKind> Kinds = [FindingKind.DuplicateForeignKey, FindingKind.FkWithoutIndex];

    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        var indexesByTable = catalog.Indexes.Where(i => i.IsValid).ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        var taken = FixSql.TakenNames(catalog);

        var tables = catalog.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        var identical = catalog.Constraints.Where(c => c.IsForeignKey)
            .GroupBy(c => (c.QualifiedTable, Columns: string.Join("\0", c.Columns), c.ReferencedTable, Referenced: string.Join("\0", c.ReferencedColumns)));
        foreach (var group in identical)
        {
            var foreignKeys = group.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            var foreignKey = foreignKeys[0];
            foreach (var duplicate in foreignKeys.Skip(1))
            {
                yield return new Finding(
                    FindingKind.DuplicateForeignKey,
                    FindingSeverity.Warning,
                    duplicate.QualifiedTable,
                    duplicate.Name,
                    foreignKey.Name,
                    $"Foreign key {duplicate.Name} ({string.Join(", ", duplicate.Columns)}) duplicates {foreignKey.Name}: "
                    + $"every write to {duplicate.QualifiedTable} and every delete in {duplicate.ReferencedTable} checks both.",
                    catalog.Fixes.DropForeignKey(duplicate));
            }

            var indexes = indexesByTable[foreignKey.QualifiedTable].ToList();
            if (IndexRedundancyRules.FindForeignKeyIndex(indexes.Select(i => i.Definition), foreignKey.Columns) is not null)
            {
                continue;
            }

            var name = FixSql.UniqueName(foreignKey.Schema, $"ix_{foreignKey.Table}_{string.Join("_", foreignKey.Columns)}", taken);
            var columns = string.Join(", ", foreignKey.Columns);
            var nearMiss = indexes.Select(i => WhyNot(i, foreignKey.Columns)).FirstOrDefault(reason => reason is not null);
            yield return new Finding(
                FindingKind.FkWithoutIndex,
                FindingSeverity.Warning,
                foreignKey.QualifiedTable,
                foreignKey.Name,
                null,
                $"Foreign key {foreignKey.Name} ({columns}) references {foreignKey.ReferencedTable} but no index leads with ({columns})"
                + (nearMiss is null ? string.Empty : $" ({nearMiss})")
                + $": every delete or key update in {foreignKey.ReferencedTable} scans {foreignKey.QualifiedTable}.",
                catalog.Fixes.CreateIndex(tables[foreignKey.QualifiedTable], name, foreignKey.Columns, catalog, taken));
        }
    }

    // The reason an index that mentions every foreign key column still does not serve it, for the detail line.
    private static string? WhyNot(CatalogIndex index, IReadOnlyList<string> columns)
    {
        var definition = index.Definition;
        var keyNames = definition.KeyColumns.Where(k => !k.IsExpression).Select(k => k.Name).ToList();
        if (!columns.All(c => keyNames.Contains(c, StringComparer.Ordinal)))
        {
            return null;
        }

        var reason = IndexRedundancyRules.ExplainForeignKeyMismatch(definition, columns) switch
        {
            ForeignKeyIndexMismatch.Partial => "is partial",
            ForeignKeyIndexMismatch.NotBtree => $"is a {definition.Method} index",
            ForeignKeyIndexMismatch.LeadsWithExpression => "leads with an expression",
            ForeignKeyIndexMismatch.OtherLeadingColumns => "has them after other columns",
            ForeignKeyIndexMismatch.OtherCollation => "indexes them in another collation than the column's",
            _ => null,
        };
        return reason is null ? null : $"{index.Name} {reason}";
    }
}
