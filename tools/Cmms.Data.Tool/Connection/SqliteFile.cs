using System.Data.Common;
using Cmms.Data.Connection;
using Microsoft.Data.Sqlite;

namespace Cmms.Data.Tool.Connection;

/// <summary>
///     Tells a SQLite database from a PostgreSQL one by the connection text alone: <c>Data Source=app.db</c> (or
///     <c>Filename=</c>) without a host, or a bare path ending in .db, .sqlite, .sqlite3 or .db3, names a SQLite file;
///     Npgsql keywords (<c>Host=…</c>) and <c>postgresql://</c> URIs name PostgreSQL.
/// </summary>
internal static class SqliteFile
{
    /// <summary>The <c>--provider</c> value for SQLite.</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>The <c>--provider</c> value for PostgreSQL.</summary>
    public const string PostgreSqlProvider = "postgresql";

    private static readonly string[] Extensions = [".db", ".sqlite", ".sqlite3", ".db3"];

    private static readonly string[] FileKeywords = ["Data Source", "DataSource", "Filename"];

    private static readonly string[] HostKeywords = ["Host", "Server"];

    /// <summary>
    ///     The Microsoft.Data.Sqlite connection string of the SQLite file <paramref name="connection" /> names, or
    ///     <see langword="null" /> when it names PostgreSQL; <paramref name="provider" /> (<c>--provider</c>) forces either.
    /// </summary>
    public static string? ConnectionString(string? connection, string? provider)
    {
        if (string.IsNullOrWhiteSpace(connection) || provider == PostgreSqlProvider || (provider is null && !LooksLikeSqlite(connection)))
        {
            return null;
        }

        return connection.Contains('=', StringComparison.Ordinal)
            ? connection
            : new SqliteConnectionStringBuilder { DataSource = connection.Trim() }.ConnectionString;
    }

    /// <summary>
    ///     For a connection that names a SQLite file, its password (empty when it has none); <see langword="null" /> when
    ///     the connection names PostgreSQL.
    /// </summary>
    public static string? Password(string connection)
    {
        if (ConnectionString(connection, provider: null) is not { } sqlite)
        {
            return null;
        }

        try
        {
            return new SqliteConnectionStringBuilder(sqlite).Password;
        }
        catch (ArgumentException)
        {
            // Unreadable: all of it stays secret.
            return connection;
        }
    }

    private static bool LooksLikeSqlite(string connection)
    {
        if (PostgresUri.IsUri(connection))
        {
            return false;
        }

        if (!connection.Contains('=', StringComparison.Ordinal))
        {
            return Extensions.Any(e => connection.Trim().EndsWith(e, StringComparison.OrdinalIgnoreCase));
        }

        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = connection;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return FileKeywords.Any(pairs.ContainsKey) && !HostKeywords.Any(pairs.ContainsKey);
    }
}
