using Microsoft.Data.Sqlite;

namespace Cmms.Data.Analysis.Sqlite;

/// <summary>Reads the rows of one SQLite query (a pragma, <c>sqlite_schema</c>) into a list.</summary>
internal static class SqliteRows
{
    /// <summary>
    ///     The rows of <paramref name="sql" />, each read by <paramref name="read" />. A name travels as the parameter
    ///     <c>$name</c>, never spliced into the SQL.
    /// </summary>
    public static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(read);

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null)
        {
            command.Parameters.AddWithValue("$name", name);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
