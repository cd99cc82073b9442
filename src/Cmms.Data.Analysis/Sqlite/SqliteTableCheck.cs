using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Sqlite;

/// <summary>
///     <c>table_without_primary_key</c> on SQLite. A rowid table without a declared key still has its rowid, but that
///     is no key to rely on: <c>VACUUM</c> may renumber it unless an <c>INTEGER PRIMARY KEY</c> names it
///     (https://sqlite.org/lang_vacuum.html), and EF Core tracks no row of a keyless entity. A <c>WITHOUT ROWID</c>
///     table always has one (SQLite refuses it otherwise). <c>ALTER TABLE</c> cannot add a key, so the fix is the
///     table rebuild, on a unique index over NOT NULL columns when the table has one.
/// </summary>
internal static class SqliteTableCheck
{
    /// <summary>The kinds of finding this check reports.</summary>
    public static readonly IReadOnlyList<FindingKind> Kinds = [FindingKind.TableWithoutPrimaryKey];

    public static IEnumerable<Finding> FindTablesWithoutPrimaryKey(CatalogSnapshot catalog, SqliteFixDialect fixes)
    {
        var indexesByTable = catalog.Indexes.ToLookup(i => i.TableName, StringComparer.Ordinal);
        var taken = FixSql.TakenNames(catalog);
        foreach (var table in catalog.Tables.Where(t => !t.HasPrimaryKey))
        {
            var candidate = indexesByTable[table.Name].Where(CanBecomePrimaryKey).OrderBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault();
            var fix = fixes.AddPrimaryKey(table.Name, candidate, taken);
            var hint = candidate is null
                ? string.Empty
                : $" The unique index {candidate.Name} on NOT NULL columns can become it, in a rebuild of the table.";
            yield return new Finding(
                FindingKind.TableWithoutPrimaryKey,
                FindingSeverity.Warning,
                table.QualifiedName,
                null,
                null,
                $"{table.QualifiedName} has no primary key: SQLite addresses its rows by a rowid that VACUUM may renumber, "
                + $"and EF Core cannot track, update or delete them.{hint}",
                fix);
        }
    }

    // A PRIMARY KEY takes plain columns; NOT NULL ones keep every row's key as it was in the unique index.
    private static bool CanBecomePrimaryKey(CatalogIndex index)
        => index is { BacksConstraint: false, Definition: { IsUnique: true, IsPartial: false } }
            && index.Definition.KeyColumns.All(k => k is { IsExpression: false, Collation: null })
            && index.Columns.All(c => c.NotNull);
}
