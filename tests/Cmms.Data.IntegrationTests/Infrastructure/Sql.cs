using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>Runs raw SQL on a test database, one connection per call; parameters are positional (<c>$1</c>, <c>$2</c>, …).</summary>
internal static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs each statement on its own, in order, on one connection and outside any transaction block.</summary>
    public static async Task ExecuteEachAsync(string connectionString, params IEnumerable<string> statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The first column of the first row; <c>default</c> when it is NULL or there is no row.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    /// <summary>The first column of every row.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>The indexes left invalid (<c>indisvalid = false</c>), such as by a failed concurrent build.</summary>
    public static Task<IReadOnlyList<string>> InvalidIndexesAsync(string connectionString)
        => ListAsync<string>(connectionString, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid ORDER BY 1");

    /// <summary>
    ///     How many advisory locks sessions hold in the database of <paramref name="connectionString" /> (pg_locks lists
    ///     every database's, and other tests migrate at the same time).
    /// </summary>
    public static Task<long> AdvisoryLocksAsync(string connectionString)
        => ScalarAsync<long>(
            connectionString,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

    /// <summary>The sessions holding an advisory lock in the database of <paramref name="connectionString" />, and the lock's bigint key.</summary>
    public static async Task<IReadOnlyList<AdvisoryLockHolder>> AdvisoryLockHoldersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // A bigint key is split into classid (high half) and objid (low half). https://www.postgresql.org/docs/current/view-pg-locks.html
        await using var command = new NpgsqlCommand(
            """
            SELECT l.pid, coalesce(a.application_name, ''), (l.classid::bigint << 32) | l.objid::bigint
            FROM pg_locks l LEFT JOIN pg_stat_activity a USING (pid)
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY l.pid
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var holders = new List<AdvisoryLockHolder>();
        while (await reader.ReadAsync())
        {
            holders.Add(new AdvisoryLockHolder(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return holders;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}

/// <summary>A session holding an advisory lock: its backend pid, its application_name and the lock's key.</summary>
internal sealed record AdvisoryLockHolder(int Pid, string ApplicationName, long Key);
