using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>Builds deliberately bad schemas with raw SQL on the real test server.</summary>
internal static class AnalysisDatabase
{
    /// <summary>
    ///     Creates schema <paramref name="schema" /> and runs each statement in it, one at a time (so that
    ///     <c>CREATE INDEX CONCURRENTLY</c> runs outside a transaction block).
    /// </summary>
    public static async Task CreateSchemaAsync(PostgresDatabaseFixture db, string schema, params string[] statements)
    {
        await using var connection = await db.OpenConnectionAsync();
        var quoted = Quote(schema);
        await ExecuteAsync(connection, $"CREATE SCHEMA {quoted}");
        await ExecuteAsync(connection, $"SET search_path = {quoted}");
        foreach (var statement in statements)
        {
            await ExecuteAsync(connection, statement);
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await ExecuteAsync(connection, statement);
        }
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
