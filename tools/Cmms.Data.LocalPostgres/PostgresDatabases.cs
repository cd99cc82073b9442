using System.Security.Cryptography;
using Npgsql;

namespace Cmms.Data.LocalPostgres;

/// <summary>
///     Creates, checks and drops databases on any PostgreSQL server, through a connection to one of its other
///     databases (the maintenance database, usually <c>postgres</c>). Used for the cmms-db tool's own and scratch
///     databases and for the databases tests create.
/// </summary>
public static class PostgresDatabases
{
    /// <summary>The number of hex digits <see cref="RandomSuffix" /> returns.</summary>
    public const int RandomSuffixLength = 8;

    /// <summary><see cref="RandomSuffixLength" /> random lower-case hex digits, to make a database name unique.</summary>
    public static string RandomSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomSuffixLength / 2));

    /// <summary>
    ///     <paramref name="identifier" /> as a PostgreSQL quoted identifier: in double quotes, with each embedded double
    ///     quote doubled, so it is taken literally (case kept) whatever it contains.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="identifier" /> is <see langword="null" />.</exception>
    public static string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Creates an empty database named <paramref name="name" />.</summary>
    /// <param name="maintenanceConnectionString">A connection string to another database on the same server, with the right to create databases.</param>
    /// <param name="name">The new database's name, taken literally (it is quoted).</param>
    /// <param name="cancellationToken">Cancels connecting and the statement.</param>
    /// <exception cref="PostgresException">The server refused, for example because the database already exists.</exception>
    public static async Task CreateAsync(string maintenanceConnectionString, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenAsync(maintenanceConnectionString, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a database named <paramref name="name" /> exists on the server.</summary>
    /// <param name="maintenanceConnectionString">A connection string to any database on the server.</param>
    /// <param name="name">The database's name, compared exactly.</param>
    /// <param name="cancellationToken">Cancels connecting and the query.</param>
    public static async Task<bool> ExistsAsync(string maintenanceConnectionString, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenAsync(maintenanceConnectionString, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection);
        command.Parameters.AddWithValue(name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    ///     Drops the database named <paramref name="name" /> if it exists: clears this process's Npgsql pool of
    ///     connections to it, then forces out any other session (<c>WITH (FORCE)</c> on PostgreSQL 13+, terminating
    ///     its backends first on older servers).
    /// </summary>
    /// <param name="maintenanceConnectionString">A connection string to another database on the same server, with the right to drop it.</param>
    /// <param name="name">The database's name, taken literally (it is quoted).</param>
    /// <param name="databaseConnectionString">
    ///     The connection string this process used for the database, whose pool is cleared; by default the maintenance
    ///     connection string with <paramref name="name" /> as its database.
    /// </param>
    /// <param name="cancellationToken">Cancels connecting and the statements.</param>
    public static async Task DropAsync(
        string maintenanceConnectionString,
        string name,
        string? databaseConnectionString = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        databaseConnectionString ??= new NpgsqlConnectionStringBuilder(maintenanceConnectionString) { Database = name }.ConnectionString;
        using (var pooled = new NpgsqlConnection(databaseConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = await OpenAsync(maintenanceConnectionString, cancellationToken).ConfigureAwait(false);
        if (connection.PostgreSqlVersion.Major < 13)
        {
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", connection);
            terminate.Parameters.AddWithValue(name);
            await terminate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var force = connection.PostgreSqlVersion.Major >= 13 ? " WITH (FORCE)" : string.Empty;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)}{force}", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
