using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Model;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>missing_index</c> and <c>unexpected_index</c>: the indexes and keys of the tables the Cmms.Data model maps,
///     compared by name and then by shape (key columns, their order, direction, nulls order, operator classes and
///     collations; INCLUDE columns; uniqueness and nulls treatment; method; predicate), both sides described as the
///     rule engine's <see cref="IndexDefinition" />.
///     Relations the model does not map (materialized views, the migrations history, other tables) are not compared.
/// </summary>
internal static class ModelDriftCheck
{
    /// <summary>The kinds of finding this check reports.</summary>
    public static readonly IReadOnlyList<FindingKind> Kinds = [FindingKind.MissingIndex, FindingKind.UnexpectedIndex];

    private const string ApplyMigrations = "-- apply the Cmms.Data migrations: cmms-db migrate";

    public static IEnumerable<Finding> Run(CatalogSnapshot catalog, ExpectedSchema model)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);

        var schemas = catalog.Facts.Schemas.ToHashSet(StringComparer.Ordinal);
        var existingTables = catalog.Tables.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal);
        // Keys are compared only where the catalog keeps their names; SQLite keeps none (sqlite_autoindex_t_1).
        var keys = catalog.Fixes.KeepsKeyNames;
        var actual = catalog.Indexes.Where(i => model.Tables.Contains(i.QualifiedTable) && (keys || !i.Definition.IsConstraint))
            .ToDictionary(i => (i.QualifiedTable, i.Name));
        var expected = model.Indexes
            .Where(e => schemas.Contains(e.Table[..e.Table.IndexOf('.', StringComparison.Ordinal)]) && (keys || !e.Definition.IsConstraint))
            .ToList();
        var findings = new List<Finding>();

        foreach (var index in expected)
        {
            if (!existingTables.Contains(index.Table))
            {
                findings.Add(Missing(index, $"{index.Name} {index.Shape} is in the Cmms.Data model but its table {index.Table} does not exist.", ApplyMigrations));
            }
            else if (!actual.TryGetValue((index.Table, index.Name), out var found))
            {
                findings.Add(Missing(index, $"{index.Name} {index.Shape} is in the Cmms.Data model but not in the database: the queries it serves scan instead.", Or(index.CreateSql)));
            }
            else if (Differences(index.Definition, found.Definition) is { Count: > 0 } differences)
            {
                findings.Add(Missing(
                    index,
                    $"{index.Name} differs from the Cmms.Data model ({string.Join("; ", differences)}): database {FindingText.Shape(found.Definition)}, model {index.Shape}.",
                    catalog.Fixes.DropIndex(found) + Environment.NewLine + Or(index.CreateSql)));
            }
        }

        var expectedNames = expected.Select(e => (e.Table, e.Name)).ToHashSet();
        foreach (var ((table, name), index) in actual.Where(a => !expectedNames.Contains(a.Key)))
        {
            findings.Add(new Finding(
                FindingKind.UnexpectedIndex,
                FindingSeverity.Warning,
                table,
                name,
                null,
                $"{name} {FindingText.Shape(index.Definition)} is not in the Cmms.Data model: declare it (HasIndex) so migrations know it, or drop it.",
                catalog.Fixes.DropIndex(index)));
        }

        return findings;
    }

    private static Finding Missing(ExpectedIndex index, string detail, string fix)
        => new(FindingKind.MissingIndex, FindingSeverity.Error, index.Table, index.Name, null, detail, fix);

    private static string Or(string createSql) => createSql.Length > 0 ? createSql : ApplyMigrations;

    private static List<string> Differences(IndexDefinition expected, IndexDefinition actual)
    {
        var differences = new List<string>();
        var keys = actual.KeyColumns.Zip(expected.KeyColumns).ToList();
        if (actual.KeyColumns.Count != expected.KeyColumns.Count
            || keys.Any(k => k.First.IsExpression != k.Second.IsExpression || !string.Equals(k.First.Name, k.Second.Name, StringComparison.Ordinal)))
        {
            differences.Add("key columns");
        }
        else
        {
            AddIf(differences, "sort order", keys.Any(k => k.First.Descending != k.Second.Descending || k.First.SortsNullsFirst != k.Second.SortsNullsFirst));
            AddIf(differences, "operator classes", keys.Any(k => !string.Equals(k.First.OperatorClass, k.Second.OperatorClass, StringComparison.OrdinalIgnoreCase)));
            AddIf(differences, "collations", keys.Any(k => !string.Equals(k.First.Collation, k.Second.Collation, StringComparison.Ordinal)));
        }

        AddIf(differences, "INCLUDE columns", !actual.IncludeColumns.SequenceEqual(expected.IncludeColumns, StringComparer.Ordinal));
        AddIf(differences, "uniqueness", actual.EnforcesUniqueness != expected.EnforcesUniqueness);
        AddIf(
            differences,
            "nulls treatment",
            actual.EnforcesUniqueness && expected.Kind != IndexKind.PrimaryKey && actual.NullsNotDistinct != expected.NullsNotDistinct);
        AddIf(differences, "method", !string.Equals(actual.Method, expected.Method, StringComparison.OrdinalIgnoreCase));
        AddIf(
            differences,
            "predicate",
            SqlTextNormalizer.Normalize(actual.Predicate, ignoreCasts: true) != SqlTextNormalizer.Normalize(expected.Predicate, ignoreCasts: true));
        return differences;
    }

    private static void AddIf(List<string> differences, string difference, bool condition)
    {
        if (condition)
        {
            differences.Add(difference);
        }
    }
}
