using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>superseded_unique</c>: a unique index or constraint (NULLS DISTINCT, the default) beside a <c>NULLS NOT
///     DISTINCT</c> one on the same columns (same method, predicate, operator classes and collations). The NULLS NOT
///     DISTINCT one rejects every row the other rejects (two equal non-null keys) and also a second NULL, so the plain
///     one never rejects anything on its own; both are the same btree for queries and for <c>ON CONFLICT</c>
///     inference. The plain one is dropped; a primary key is never the plain one (its columns are NOT NULL), and one a
///     foreign key references cannot be dropped alone, hence advice.
///     https://www.postgresql.org/docs/current/indexes-unique.html
/// </summary>
internal static class UniqueNullsCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog, IReadOnlySet<(string Table, string Index)> covers)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(covers);

        var quoter = catalog.Quoter;
        var unique = catalog.Indexes.Where(i => i is { IsValid: true, ParentIndex: null, Definition: { IsUnique: true } }
            && i.Definition.Kind != IndexKind.PrimaryKey).ToList();
        var strict = unique.Where(i => i.Definition.NullsNotDistinct).ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        foreach (var weaker in unique.Where(i => !i.Definition.NullsNotDistinct && !covers.Contains((i.QualifiedTable, i.Name))))
        {
            var stronger = strict[weaker.QualifiedTable].FirstOrDefault(s => SameKey(weaker.Definition, s.Definition));
            if (stronger is null)
            {
                continue;
            }

            var columns = string.Join(", ", weaker.Definition.KeyColumns);
            var drop = FixSql.DropIndex(weaker, quoter);
            yield return new Finding(
                FindingKind.SupersededUnique,
                weaker.Definition.AllowRedundant ? FindingSeverity.Info : FindingSeverity.Warning,
                weaker.QualifiedTable,
                weaker.Name,
                stronger.Name,
                $"{Capitalized(FindingText.Role(weaker.Definition))} {weaker.Name} ({columns}) lets NULLs repeat, beside {stronger.Name} ({columns}) NULLS NOT DISTINCT, "
                + "which rejects every row it rejects and a repeated NULL too: it never rejects a row on its own, and every write maintains both."
                + (weaker.Definition.AllowRedundant ? " A foreign key references it (or it belongs to its partitioned table's index), so it cannot be dropped alone." : string.Empty),
                weaker.Definition.AllowRedundant
                    ? ColumnFixSql.Advice($"re-create the foreign keys that reference {weaker.Name} after creating them against {stronger.Name}'s columns, then:", drop)
                    : drop);
        }
    }

    private static string Capitalized(string phrase) => char.ToUpperInvariant(phrase[0]) + phrase[1..];

    private static bool SameKey(IndexDefinition weaker, IndexDefinition stronger)
        => string.Equals(weaker.Method, stronger.Method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(SqlTextNormalizer.Normalize(weaker.Predicate), SqlTextNormalizer.Normalize(stronger.Predicate), StringComparison.Ordinal)
            && weaker.KeyColumns.Select(Key).SequenceEqual(stronger.KeyColumns.Select(Key))
            && weaker.IncludeColumns.All(c => stronger.IncludeColumns.Contains(c, StringComparer.Ordinal));

    // Uniqueness ignores sort order: only what is compared, and how.
    private static (string, bool, string?, string?) Key(IndexKeyColumn column)
        => (column.IsExpression ? SqlTextNormalizer.Normalize(column.Name) ?? column.Name : column.Name, column.IsExpression, column.OperatorClass, column.Collation);
}
