namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     A string as a PostgreSQL literal, quoted the way <c>quote_literal</c> quotes it (quotes and backslashes doubled,
///     <c>E'…'</c> when there is a backslash), so that it reads the same whatever <c>standard_conforming_strings</c> says.
///     https://www.postgresql.org/docs/current/functions-string.html (quote_literal),
///     https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE
/// </summary>
/// <remarks>
///     For the few values a query must carry in its text: a cold process pays tens of milliseconds of CPU the first time
///     Npgsql binds a parameter, which is a large part of a no-op <c>cmms-db migrate</c>.
/// </remarks>
internal static class SqlLiteral
{
    public static string Quote(string value)
    {
        var quoted = "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
        return value.Contains('\\', StringComparison.Ordinal) ? "E" + quoted : quoted;
    }
}
