using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Migrations;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>What the tool tests read from a database to check what cmms-db did (or did not do) to it.</summary>
internal static class ToolDatabase
{
    private static readonly Lazy<MigrationCatalog> LazyCatalog = new(() =>
    {
        using var context = CmmsContextFactory.Create(CmmsContextFactory.ModelOnlyConnection);
        return MigrationCatalog.From(context);
    });

    /// <summary>The migrations cmms-db knows, oldest first.</summary>
    public static MigrationCatalog Catalog => LazyCatalog.Value;

    public static string InitialSchema => Catalog.Ids[0];

    public static string AddIndexes => Catalog.Ids[1];

    /// <summary>The migration ids in the history table, with repeats, oldest first; empty when there is no history table.</summary>
    public static async Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
    {
        if (!await ScalarAsync<bool>(connectionString, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL"))
        {
            return [];
        }

        return await ListAsync(connectionString, "SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id");
    }

    /// <summary>Every relation outside the system schemas with its kind, and every migration history row: equal fingerprints, same database.</summary>
    public static async Task<string> FingerprintAsync(string connectionString)
    {
        var relations = await ScalarAsync<string?>(connectionString, """
            SELECT string_agg(c.relkind::text || ' ' || n.nspname || '.' || c.relname || (CASE WHEN i.indisvalid = false THEN ' INVALID' ELSE '' END), ', '
                              ORDER BY n.nspname, c.relname)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = c.oid
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """);
        return $"relations: {relations ?? "none"}; history: {string.Join(", ", await HistoryAsync(connectionString))}";
    }

    /// <summary>The indexes left invalid by a failed concurrent build.</summary>
    public static Task<IReadOnlyList<string>> InvalidIndexesAsync(string connectionString)
        => ListAsync(connectionString, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid ORDER BY 1");

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<IReadOnlyList<string>> ListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>A connection string for <paramref name="connectionString" />'s server and database with a password that no server checks.</summary>
    public static string WithPassword(string connectionString, string password = ToolTestDefaults.Password)
        => new NpgsqlConnectionStringBuilder(connectionString) { Password = password }.ConnectionString;
}
