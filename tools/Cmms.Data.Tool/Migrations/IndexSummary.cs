using Cmms.Data.Analysis.Catalog;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The schema's tables, materialized views and indexes as the database has them (from <c>pg_class</c> and
///     <c>pg_index</c>, counted as <see cref="SchemaObjectCounts" /> defines for every cmms-db output), in the
///     connection's current schema, where the model lives. Read from the catalog alone: no EF Core model needed.
/// </summary>
/// <param name="Tables">Ordinary and partitioned tables, EF Core's migration history table not counted.</param>
/// <param name="MaterializedViews">Materialized views.</param>
/// <param name="Total">Indexes on those relations, primary keys and unique constraints included.</param>
/// <param name="ByMethod">Count per access method (<c>btree</c>, <c>gin</c>, <c>brin</c>, …).</param>
/// <param name="Unique">Unique indexes (primary keys included).</param>
/// <param name="Partial">Indexes with a <c>WHERE</c> predicate.</param>
/// <param name="Covering">Indexes with <c>INCLUDE</c> columns.</param>
/// <param name="Invalid">Indexes left invalid by a failed concurrent build.</param>
internal record IndexSummary(
    int Tables,
    int MaterializedViews,
    int Total,
    IReadOnlyDictionary<string, int> ByMethod,
    int Unique,
    int Partial,
    int Covering,
    IReadOnlyList<string> Invalid)
{
    // indnkeyatts < indnatts: INCLUDE columns. https://www.postgresql.org/docs/current/catalog-pg-index.html
    // One row per counted relation, with its indexes (none: a row of NULLs after the relation's own columns).
    private static readonly string Sql = $"""
        SELECT t.oid::int8, t.relkind = 'm', am.amname, c.relname, i.indisunique, i.indpred IS NOT NULL, i.indnkeyatts < i.indnatts, i.indisvalid
        FROM pg_class t
        LEFT JOIN pg_index i ON i.indrelid = t.oid
        LEFT JOIN pg_class c ON c.oid = i.indexrelid
        LEFT JOIN pg_am am ON am.oid = c.relam
        WHERE t.relnamespace = current_schema()::regnamespace AND {SchemaObjectCounts.CountedRelationSql("t")}
        ORDER BY t.relname, c.relname
        """;

    public static async Task<IndexSummary> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        var relations = new HashSet<long>();
        var byMethod = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int total = 0, unique = 0, partial = 0, covering = 0, tables = 0, views = 0;
        var invalid = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (relations.Add(reader.GetInt64(0)))
            {
                views += reader.GetBoolean(1) ? 1 : 0;
                tables += reader.GetBoolean(1) ? 0 : 1;
            }

            if (reader.IsDBNull(2))
            {
                continue;
            }

            var method = reader.GetString(2);
            byMethod[method] = byMethod.GetValueOrDefault(method) + 1;
            total++;
            unique += reader.GetBoolean(4) ? 1 : 0;
            partial += reader.GetBoolean(5) ? 1 : 0;
            covering += reader.GetBoolean(6) ? 1 : 0;
            if (!reader.GetBoolean(7))
            {
                invalid.Add(reader.GetString(3));
            }
        }

        return new IndexSummary(tables, views, total, byMethod, unique, partial, covering, invalid);
    }
}
