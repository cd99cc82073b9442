using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>Reads every index of the public schema from pg_index, as <see cref="IndexShape" />s.</summary>
public static class CatalogIndexes
{
    private const string Query = """
        SELECT t.relname, i.relname, am.amname, ix.indisunique, ix.indisvalid,
               ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k),
               ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' ELSE oc.opcname END
                     FROM unnest(ix.indclass::oid[]) WITH ORDINALITY AS c(oid, k) JOIN pg_opclass oc ON oc.oid = c.oid ORDER BY c.k),
               ARRAY(SELECT (ix.indoption[k - 1] & 1) = 1 FROM generate_series(1, ix.indnkeyatts) k ORDER BY k),
               ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) k ORDER BY k),
               pg_get_expr(ix.indpred, ix.indrelid, true)
        FROM pg_index ix
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = i.relam
        WHERE n.nspname = 'public'
        ORDER BY t.relname, i.relname
        """;

    public static async Task<IReadOnlyList<(IndexShape Shape, bool IsValid)>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<(IndexShape, bool)>();
        while (await reader.ReadAsync())
        {
            var keys = reader.GetFieldValue<string[]>(5);
            var opclasses = reader.GetFieldValue<string[]>(6);
            var descending = reader.GetFieldValue<bool[]>(7);
            var columns = keys.Select((key, k) => IndexShape.Column(key, opclasses[k] is "" ? null : opclasses[k], descending[k]));
            var shape = IndexShape.Create(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetBoolean(3),
                columns,
                reader.GetFieldValue<string[]>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9));
            result.Add((shape, reader.GetBoolean(4)));
        }

        return result;
    }
}
