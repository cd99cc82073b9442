using Cmms.Data.Analysis.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>Reads what SQLite really built: <c>sqlite_schema</c>, <c>pragma index_list</c> and query plans.</summary>
internal static class SqliteSchema
{
    /// <summary>One row of <c>pragma index_list</c> (https://sqlite.org/pragma.html#pragma_index_list).</summary>
    public sealed record IndexListEntry(string Name, bool IsUnique, string Origin, bool IsPartial);

    /// <summary>The names of the indexes <c>CREATE INDEX</c> made (SQLite's own autoindexes left out), ordered.</summary>
    public static IReadOnlyList<string> CreatedIndexNames(SqliteConnection connection)
        => SqliteRows.Query(
            connection,
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
            r => r.GetString(0));

    public static string IndexSql(SqliteConnection connection, string index)
        => SqliteRows.Query(connection, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = $name", r => r.GetString(0), index).Single();

    public static IReadOnlyList<IndexListEntry> IndexList(SqliteConnection connection, string table)
        => SqliteRows.Query(
                connection,
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list($name)",
                r => new IndexListEntry(r.GetString(0), r.GetInt64(1) == 1, r.GetString(2), r.GetInt64(3) == 1),
                table)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    ///     The detail lines of <c>EXPLAIN QUERY PLAN</c> (https://sqlite.org/eqp.html). For a parent DELETE they include
    ///     the searches of the child tables that enforce ON DELETE CASCADE.
    /// </summary>
    public static IReadOnlyList<string> QueryPlan(SqliteConnection connection, string sql)
        => SqliteRows.Query(connection, "EXPLAIN QUERY PLAN " + sql, r => r.GetString(3));
}
