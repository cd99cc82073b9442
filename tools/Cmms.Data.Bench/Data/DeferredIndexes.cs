using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.Data;

/// <summary>
///     The secondary indexes of a freshly built schema, dropped before a bulk load and built again, from their own
///     definitions (<c>pg_get_indexdef</c>), after it: the same indexes, built in one pass each instead of maintained row
///     by row. For the databases only the parent-delete scenario uses (its extra scales), whose load is not measured; at
///     scale 3 it makes the difference between most of an hour and a few minutes on two cores.
/// </summary>
/// <remarks>
///     Indexes behind a constraint (primary keys, unique constraints, and those a foreign key references) stay, so every
///     key and foreign key is checked during the load as before.
///     https://www.postgresql.org/docs/current/populate.html#POPULATE-RM-INDEXES
/// </remarks>
internal sealed class DeferredIndexes
{
    private const string SecondarySql = """
        SELECT format('%I.%I', n.nspname, c.relname), pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY 1
        """;

    private readonly IReadOnlyList<string> _definitions;

    private DeferredIndexes(IReadOnlyList<string> definitions) => _definitions = definitions;

    /// <summary>Drops the secondary indexes of the database <paramref name="connection" /> is on, keeping their definitions.</summary>
    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(SecondarySql, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await Statements.ExecuteAsync(connection, $"DROP INDEX {name}", cancellationToken).ConfigureAwait(false);
        }

        return new DeferredIndexes([.. indexes.Select(i => i.Definition)]);
    }

    /// <summary>Builds the dropped indexes again, then analyzes, so expression indexes get their statistics.</summary>
    public async Task RebuildAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var definition in _definitions)
        {
            await Statements.ExecuteAsync(connection, definition, cancellationToken).ConfigureAwait(false);
        }

        await Statements.ExecuteAsync(connection, "ANALYZE", cancellationToken).ConfigureAwait(false);
    }
}
