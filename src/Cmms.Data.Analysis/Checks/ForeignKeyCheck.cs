using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>fk_without_index</c>: a foreign key whose referencing columns no valid index serves, by
///     <see cref="IndexRedundancyRules.ServesForeignKey" /> (a non-partial btree leading with exactly those columns).
///     Without one, every delete or key update of a referenced row scans the referencing table.
/// </summary>
internal static class ForeignKeyCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        var indexesByTable = catalog.Indexes.Where(i => i.IsValid).ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        var taken = catalog.Indexes.Select(i => (i.Schema, i.Name))
            .Concat(catalog.Tables.Select(t => (t.Schema, t.Name)))
            .Concat(catalog.Sequences.Select(s => (s.Schema, s.Name)))
            .ToHashSet();

        foreach (var foreignKey in catalog.Constraints.Where(c => c.IsForeignKey))
        {
            var indexes = indexesByTable[foreignKey.QualifiedTable].ToList();
            if (IndexRedundancyRules.FindForeignKeyIndex(indexes.Select(i => i.Definition), foreignKey.Columns) is not null)
            {
                continue;
            }

            var name = UniqueName(foreignKey, taken);
            taken.Add((foreignKey.Schema, name));
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
                FixSql.CreateIndex(foreignKey.Schema, foreignKey.Table, name, foreignKey.Columns, catalog.Quoter));
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
            _ => null,
        };
        return reason is null ? null : $"{index.Name} {reason}";
    }

    private static string UniqueName(CatalogConstraint foreignKey, HashSet<(string Schema, string Name)> taken)
    {
        var baseName = $"ix_{foreignKey.Table}_{string.Join("_", foreignKey.Columns)}";
        var name = FixSql.Truncate(baseName);
        for (var suffix = 1; taken.Contains((foreignKey.Schema, name)); suffix++)
        {
            var tail = suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = FixSql.Truncate(baseName, FixSql.MaxIdentifierBytes - tail.Length) + tail;
        }

        return name;
    }
}
