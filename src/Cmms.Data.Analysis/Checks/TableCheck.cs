using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>table_without_primary_key</c> and <c>not_valid_constraint</c>: table-level structure that invites trouble
///     (rows that cannot be addressed or replicated logically; constraints that existing rows may violate).
/// </summary>
internal static class TableCheck
{
    public static IEnumerable<Finding> FindTablesWithoutPrimaryKey(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var indexesByTable = catalog.Indexes.ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        var quoter = catalog.Quoter;

        // A partition inherits its parent's key, so only the parent is reported.
        foreach (var table in catalog.Tables.Where(t => t.Kind != RelationKind.MaterializedView && !t.IsPartition && !t.HasPrimaryKey))
        {
            var candidate = indexesByTable[table.QualifiedName].FirstOrDefault(CanBecomePrimaryKey);
            var qualified = quoter.Quote(table.Schema, table.Name);
            var fix = candidate is null
                ? $"-- choose the columns that identify a row, then: ALTER TABLE {qualified} ADD PRIMARY KEY (…);"
                : $"ALTER TABLE {qualified} ADD PRIMARY KEY USING INDEX {quoter.Quote(candidate.Name)};";
            var hint = candidate is null
                ? string.Empty
                : $" The unique index {candidate.Name} on NOT NULL columns can become it without a rebuild.";
            yield return new Finding(
                FindingKind.TableWithoutPrimaryKey,
                FindingSeverity.Warning,
                table.QualifiedName,
                null,
                null,
                $"{table.QualifiedName} has no primary key: its rows cannot be addressed reliably, "
                + $"and logical replication cannot send its updates and deletes.{hint}",
                fix);
        }
    }

    public static IEnumerable<Finding> FindNotValidConstraints(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        foreach (var constraint in catalog.Constraints.Where(c => !c.IsValidated))
        {
            var what = constraint.Type switch
            {
                'f' => "Foreign key",
                'c' => "Check constraint",
                _ => "Constraint",
            };
            yield return new Finding(
                FindingKind.NotValidConstraint,
                FindingSeverity.Warning,
                constraint.QualifiedTable,
                constraint.Name,
                null,
                $"{what} {constraint.Name} was added NOT VALID and never validated: existing rows may violate it. "
                + "VALIDATE CONSTRAINT checks them under a SHARE UPDATE EXCLUSIVE lock, so reads and writes go on.",
                $"ALTER TABLE {catalog.Quoter.Quote(constraint.Schema, constraint.Table)} VALIDATE CONSTRAINT {catalog.Quoter.Quote(constraint.Name)};");
        }
    }

    // ALTER TABLE … ADD PRIMARY KEY USING INDEX takes a valid, unique, non-partial btree on plain NOT NULL columns.
    private static bool CanBecomePrimaryKey(CatalogIndex index)
        => index is { IsValid: true, IsPartitioned: false, BacksConstraint: false, Definition: { IsUnique: true, IsPartial: false } }
            && string.Equals(index.Definition.Method, "btree", StringComparison.OrdinalIgnoreCase)
            && index.Definition.IncludeColumns.Count == 0
            && index.Definition.KeyColumns.All(k => !k.IsExpression && !k.Descending && k.NullsFirst is null)
            && index.Columns.All(c => c.NotNull);
}
