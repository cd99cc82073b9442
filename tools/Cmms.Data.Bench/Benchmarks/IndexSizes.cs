using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>One index of a benchmark database and its size on disk.</summary>
internal sealed record IndexSize(string Table, string Index, long Bytes);

/// <summary>Reads the size of every index on the tables and the materialized view of a database.</summary>
internal static class IndexSizes
{
    // EF Core's __EFMigrationsHistory exists only in the migrated database (c); it is bookkeeping, not schema.
    private const string Sql = """
        SELECT t.relname, i.relname, pg_relation_size(i.oid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '__EFMigrationsHistory'
        ORDER BY t.relname, i.relname
        """;

    /// <summary>A size in bytes as mebibytes with one decimal, for reports: <c>12.3 MiB</c>.</summary>
    public static string Mib(long bytes) => FormattableString.Invariant($"{bytes / 1048576.0:F1} MiB");

    public static async Task<IReadOnlyList<IndexSize>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sizes = new List<IndexSize>();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sizes.Add(new IndexSize(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return sizes;
    }
}
