using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     Indexes whose shape does not fit their data: <c>index_mostly_null</c> (a btree whose one key column is mostly
///     NULL, by <c>pg_stats.null_frac</c>: a partial index <c>WHERE col IS NOT NULL</c> serves every query that looks
///     for a value, and the rule engine confirms it still serves the foreign keys the full one served) and
///     <c>btree_on_array</c> (a non-unique btree on an array column: it compares whole arrays only).
///     Judged once per index: a partition's index attached to its parent's is left to the parent.
/// </summary>
internal static class IndexShapeCheck
{
    public static IEnumerable<Finding> FindMostlyNull(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var quoter = catalog.Quoter;
        var foreignKeys = catalog.Constraints.Where(c => c.IsForeignKey).ToLookup(c => c.QualifiedTable, StringComparer.Ordinal);
        var taken = FixSql.TakenNames(catalog);
        foreach (var index in catalog.Indexes.Where(i => i is { IsValid: true, IsPartitioned: false, ParentIndex: null, BacksConstraint: false }
            && i.Definition is { IsPartial: false, AllowRedundant: false, NullsNotDistinct: false, KeyColumns.Count: 1 }
            && !i.Definition.KeyColumns[0].IsExpression
            && string.Equals(i.Definition.Method, "btree", StringComparison.OrdinalIgnoreCase)
            && i.SizeBytes >= AnalysisThresholds.MostlyNullMinimumBytes))
        {
            var column = index.Definition.KeyColumns[0].Name;
            if (!catalog.Statistics.TryGetValue(CatalogSnapshot.StatisticsKey(index.Schema, index.TableName, column), out var statistic)
                || statistic.NullFraction < AnalysisThresholds.MostlyNullFraction)
            {
                continue;
            }

            var partial = index.Definition with { Predicate = $"{quoter.Quote(column)} IS NOT NULL" };
            var served = foreignKeys[index.QualifiedTable].Where(fk => IndexRedundancyRules.ServesForeignKey(index.Definition, fk.Columns)).ToList();
            if (served.Any(fk => !IndexRedundancyRules.ServesForeignKey(partial, fk.Columns)))
            {
                continue;
            }

            var replacement = FixSql.UniqueName(index.Schema, FixSql.Truncate(index.Name, FixSql.MaxIdentifierBytes - "_not_null".Length) + "_not_null", taken);
            var keeps = served.Count == 0 ? string.Empty : $" It still serves foreign key {string.Join(", ", served.Select(f => f.Name))}: their checks look for a value, never NULL.";
            yield return new Finding(
                FindingKind.IndexMostlyNull,
                FindingSeverity.Warning,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} ({column}) takes {FindingText.Size(index.SizeBytes)} and {FindingText.Percent(statistic.NullFraction)} of its entries are NULL: "
                + $"a partial index WHERE {column} IS NOT NULL serves every query that looks for a value of {column} at a fraction of the size; "
                + $"only queries for {column} IS NULL, or reading all rows in its order, lose the index.{keeps}",
                string.Join(
                    Environment.NewLine,
                    $"{PartialIndexSql(index, replacement, partial.Predicate, quoter)};",
                    FixSql.DropIndex(index, quoter),
                    $"ALTER INDEX {quoter.Quote(index.Schema, replacement)} RENAME TO {quoter.Quote(index.Name)};"));
        }
    }

    public static IEnumerable<Finding> FindBtreeOnArrays(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var quoter = catalog.Quoter;
        var arrays = catalog.Health.Columns.Where(c => c.IsArray).Select(c => (c.QualifiedTable, c.Name)).ToHashSet();
        foreach (var index in catalog.Indexes.Where(i => i is { IsValid: true, ParentIndex: null, Definition.IsUnique: false }
            && string.Equals(i.Definition.Method, "btree", StringComparison.OrdinalIgnoreCase)))
        {
            var columns = index.Definition.KeyColumns.Where(k => !k.IsExpression && arrays.Contains((index.QualifiedTable, k.Name))).Select(k => k.Name).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            var list = string.Join(", ", columns);
            yield return new Finding(
                FindingKind.BtreeOnArray,
                FindingSeverity.Warning,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} is a btree on the array column {list}: a btree orders whole arrays, so it serves = and sorting on the whole "
                + "array but never the element tests @>, <@, && or = ANY(…), and an array larger than about a third of a page cannot be inserted. "
                + "A GIN index serves the element tests.",
                ColumnFixSql.Advice(
                    "if queries test elements (@>, <@, &&), index them with GIN and drop the btree:",
                    $"CREATE INDEX CONCURRENTLY ON {quoter.Quote(index.Schema, index.TableName)} USING gin ({quoter.QuoteList(columns)});",
                    FixSql.DropIndex(index, quoter)));
        }
    }

    // The index rebuilt under another name with a predicate: method, key column options and INCLUDE as they are.
    private static string PartialIndexSql(CatalogIndex index, string name, string? predicate, SqlQuoter quoter)
    {
        var definition = index.Definition;
        var key = definition.KeyColumns[0];
        var column = quoter.Quote(key.Name)
            + (key.Collation is null ? string.Empty : $" COLLATE {quoter.Quote(key.Collation)}")
            + (key.OperatorClass is null ? string.Empty : $" {quoter.Quote(key.OperatorClass)}")
            + (key.Descending ? " DESC" : string.Empty)
            + (key.NullsFirst is { } first ? first ? " NULLS FIRST" : " NULLS LAST" : string.Empty);
        var include = definition.IncludeColumns.Count == 0 ? string.Empty : $" INCLUDE ({quoter.QuoteList(definition.IncludeColumns)})";
        var unique = definition.IsUnique ? "UNIQUE " : string.Empty;
        return $"CREATE {unique}INDEX CONCURRENTLY {quoter.Quote(name)} ON {quoter.Quote(index.Schema, index.TableName)} ({column}){include} WHERE {predicate}";
    }
}
