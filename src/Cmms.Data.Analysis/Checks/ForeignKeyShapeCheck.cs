using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>intersected_foreign_key</c>: two foreign keys of a table to the same table whose column sets overlap but
///     differ (the same column pairs in another order are a duplicate, dropped like <c>duplicate_foreign_key</c>);
///     <c>foreign_key_type_mismatch</c>: a foreign key column whose type or modifier differs from the referenced one.
///     Both read the foreign keys where they were declared, never their clones on partitions.
/// </summary>
internal static class ForeignKeyShapeCheck
{
    public static IEnumerable<Finding> FindIntersected(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        foreach (var group in catalog.Constraints.Where(c => c.IsForeignKey).GroupBy(c => (c.QualifiedTable, c.ReferencedTable)))
        {
            var keys = group.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                for (var j = i + 1; j < keys.Count; j++)
                {
                    var (first, second) = (keys[i], keys[j]);
                    var firstColumns = first.Columns.ToHashSet(StringComparer.Ordinal);
                    if (!second.Columns.Any(firstColumns.Contains) || (first.Columns.SequenceEqual(second.Columns) && first.ReferencedColumns.SequenceEqual(second.ReferencedColumns)))
                    {
                        // Disjoint, or identical: duplicate_foreign_key reports that.
                        continue;
                    }

                    var drop = catalog.Fixes.DropForeignKey(second);
                    var samePairs = Pairs(first).SetEquals(Pairs(second));
                    yield return new Finding(
                        FindingKind.IntersectedForeignKey,
                        FindingSeverity.Warning,
                        first.QualifiedTable,
                        second.Name,
                        first.Name,
                        samePairs
                            ? $"Foreign key {second.Name} ({string.Join(", ", second.Columns)}) pairs the same columns with the same referenced columns as "
                              + $"{first.Name} ({string.Join(", ", first.Columns)}), in another order: it is a duplicate, and every write checks both."
                            : $"Foreign keys {first.Name} ({string.Join(", ", first.Columns)}) and {second.Name} ({string.Join(", ", second.Columns)}) "
                              + $"both reference {first.ReferencedTable} and share columns: usually one of them is a mistake, or the narrower one is "
                              + "implied by the wider (except for rows where a column of the wider one is NULL, which MATCH SIMPLE does not check).",
                        samePairs ? drop : ColumnFixSql.Advice("decide which foreign key states the relationship, then drop the other, for example:", drop));
                }
            }
        }
    }

    public static IEnumerable<Finding> FindTypeMismatches(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var quoter = catalog.Quoter;
        foreach (var group in catalog.Health.ForeignKeyTypeMismatches.GroupBy(m => (m.QualifiedTable, m.ForeignKey)))
        {
            var pairs = group.ToList();
            var first = pairs[0];
            var printable = pairs.All(p => !UnprintableText.Contains(p.ReferencedType));
            yield return new Finding(
                FindingKind.ForeignKeyTypeMismatch,
                FindingSeverity.Warning,
                first.QualifiedTable,
                first.ForeignKey,
                null,
                $"Foreign key {first.ForeignKey} compares "
                + string.Join(", ", pairs.Select(p => $"{p.Column} ({p.ColumnType}) with {p.ReferencedTable}.{p.ReferencedColumn} ({p.ReferencedType})"))
                + ": every check and every join on it converts between the types, and the column holds a different range of values "
                + "than the key it points to (a narrower one fails once the referenced keys outgrow it). Give it the referenced type.",
                printable
                    ? string.Join(Environment.NewLine, pairs.Select(p => ColumnFixSql.AlterType(p.Schema, p.Table, p.Column, p.ReferencedType, quoter)))
                    : ColumnFixSql.Advice("give each column the type of the column it references (ALTER TABLE … ALTER COLUMN … TYPE …)"));
        }
    }

    private static HashSet<(string, string)> Pairs(CatalogConstraint foreignKey)
        => foreignKey.Columns.Zip(foreignKey.ReferencedColumns).ToHashSet();
}
