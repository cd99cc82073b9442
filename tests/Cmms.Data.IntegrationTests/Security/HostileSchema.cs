using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Security;

/// <summary>
///     A schema whose tables, columns, indexes, constraints and sequences have hostile names, each one the subject of
///     an analyze finding: quotes, newlines, <c>--</c>, <c>;</c>, <c>*/</c>, pipes, backticks, an ANSI escape, a psql
///     meta-command, unicode, 63-byte names and names that differ only in case. Table <c>x</c> is what the injected
///     SQL would drop.
/// </summary>
internal static class HostileSchema
{
    /// <summary>The index name from the issue: a newline ends the fix's comment header and starts <c>DROP TABLE x</c>.</summary>
    public const string IssueIndex = "d\nDROP TABLE x; --";

    /// <summary>An index whose name starts an ANSI escape sequence (red text) on a terminal.</summary>
    public const string AnsiIndex = "\u001b[31mred\r\u2028";

    /// <summary>63 bytes of UTF-8: PostgreSQL's longest name.</summary>
    public static readonly string LongIndex = new string('é', 31) + "x";

    /// <summary>63 bytes of UTF-8, so the index a fix creates for its foreign key is cut to 63 bytes between characters.</summary>
    public static readonly string LongTable = new string('ü', 31) + "x";

    /// <summary>Every table the schema creates, each with its number of rows.</summary>
    public static readonly IReadOnlyDictionary<string, int> RowCounts = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["x"] = 5,
        ["t"] = 10,
        ["case"] = 2,
        ["Case"] = 1,
        ["Wäre \"q\" |`t`` ; -- */ /* €"] = 2,
        [LongTable] = 3,
    };

    public static Task CreateAsync(string connectionString)
    {
        var wäre = Quote("Wäre \"q\" |`t`` ; -- */ /* €");
        return Sql.ExecuteEachAsync(
            connectionString,
            "CREATE TABLE x (id int PRIMARY KEY)",
            "INSERT INTO x SELECT generate_series(1, 5)",
            "CREATE TABLE t (id int PRIMARY KEY, z int)",
            "INSERT INTO t SELECT g, g FROM generate_series(1, 10) g",
            "CREATE INDEX i_orig ON t (z)",
            $"CREATE INDEX {Quote(IssueIndex)} ON t (z)",
            $"CREATE INDEX {Quote(LongIndex)} ON t (z, id)",
            $"CREATE INDEX {Quote(AnsiIndex)} ON t (id, z)",

            // "case" is a reserved word; "Case" differs from it only in case. Both have a foreign key without an index.
            $"CREATE TABLE \"case\" (id int PRIMARY KEY, {Quote("Col\numn; DROP TABLE x; --")} int NOT NULL REFERENCES x (id))",
            "INSERT INTO \"case\" VALUES (1, 1), (2, 2)",
            $"ALTER TABLE \"case\" ADD CONSTRAINT {Quote("chk\r\n-- | `x` ; DROP TABLE x; --")} CHECK (id > 0) NOT VALID",
            $"CREATE TABLE \"Case\" (id int PRIMARY KEY, {Quote("a|b`c``` */ --")} int)",
            "INSERT INTO \"Case\" VALUES (1, 1)",
            $"ALTER TABLE \"Case\" ADD CONSTRAINT {Quote("Fk */ --")} FOREIGN KEY ({Quote("a|b`c``` */ --")}) REFERENCES x (id) NOT VALID",

            // No primary key, but a unique index that can become one; a column named like a psql meta-command.
            $"CREATE TABLE {wäre} (k int NOT NULL, {Quote("\\! echo pwned :foo")} int REFERENCES t (id))",
            $"INSERT INTO {wäre} VALUES (1, 1), (2, 2)",
            $"CREATE UNIQUE INDEX {Quote("uq\n; DROP TABLE x; --")} ON {wäre} (k)",

            $"CREATE TABLE {Quote(LongTable)} (id int PRIMARY KEY, ref int REFERENCES x (id))",
            $"INSERT INTO {Quote(LongTable)} VALUES (1, 1), (2, 2), (3, 3)",

            // An invalid index (as a failed concurrent build leaves one) whose definition holds a newline in its name
            // and in a string constant: its fix rebuilds it from pg_get_indexdef.
            $"CREATE INDEX {Quote("inv\nDROP TABLE x; -- ")} ON t ((z + 1)) WHERE z::text <> E'7\\n; DROP TABLE x; --'",
            $"UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'public.{Quote("inv\nDROP TABLE x; -- ").Replace("'", "''", StringComparison.Ordinal)}'::regclass",

            $"CREATE SEQUENCE {Quote("seq\nDROP TABLE x; --")} AS integer MAXVALUE 100",
            $"SELECT setval('public.{Quote("seq\nDROP TABLE x; --")}', 95)");
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
