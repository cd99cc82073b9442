using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Sqlite;

/// <summary>
///     SQLite's fixes: <c>DROP INDEX "x";</c> and <c>CREATE INDEX "ix" ON "t" ("c");</c>, unqualified (a file has one
///     schema), every name in double quotes with inner quotes doubled (https://sqlite.org/lang_keywords.html). SQLite
///     SQL has no escape for a character inside a name, so a fix that would carry an unprintable one (a newline, an
///     escape sequence) is a comment naming the object escaped, never SQL that spans lines or moves the cursor.
///     What <c>ALTER TABLE</c> cannot change (a constraint, a primary key) takes a table rebuild
///     (https://sqlite.org/lang_altertable.html#otheralter).
/// </summary>
/// <param name="tables">The tables' definitions, by name, for rebuilds.</param>
internal sealed class SqliteFixDialect(IReadOnlyDictionary<string, SqliteTableDefinition> tables) : FixDialect
{
    private const string RebuildDocs = "https://sqlite.org/lang_altertable.html#otheralter";

    public override string Engine => "SQLite";

    public override bool KeepsKeyNames => false;

    /// <summary>The tables' definitions, by name.</summary>
    public IReadOnlyDictionary<string, SqliteTableDefinition> Tables { get; } = tables;

    /// <summary>A name as SQLite reads it: in double quotes, inner double quotes doubled; for SQL that runs, never for SQL that is shown.</summary>
    public static string QuoteName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public override string DropIndex(CatalogIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);

        if (index.BacksConstraint)
        {
            return $"-- SQLite drops the index of a PRIMARY KEY or UNIQUE constraint only with its table: rebuild {Show(index.TableName)} without it ({RebuildDocs})";
        }

        return Printable(index.Name) ? $"DROP INDEX {QuoteName(index.Name)};" : ByHand("drop index", index.Name);
    }

    public override string CreateIndex(
        CatalogTable table,
        string name,
        IReadOnlyList<string> columns,
        CatalogSnapshot catalog,
        HashSet<(string Schema, string Name)> taken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);

        return new[] { name, table.Name }.Concat(columns).All(Printable)
            ? $"CREATE INDEX {QuoteName(name)} ON {QuoteName(table.Name)} ({string.Join(", ", columns.Select(QuoteName))});"
            : ByHand($"create an index on ({string.Join(", ", columns.Select(UnprintableText.Escape))}) of", table.Name);
    }

    public override string DropForeignKey(CatalogConstraint foreignKey)
    {
        ArgumentNullException.ThrowIfNull(foreignKey);

        return $"-- SQLite drops a foreign key only with its table: rebuild {Show(foreignKey.Table)} without the duplicate ({RebuildDocs})";
    }

    /// <summary>
    ///     The fix of <paramref name="table" />'s missing primary key: the table rebuild on <paramref name="candidate" />'s
    ///     columns (<see cref="RebuildWithPrimaryKey" />), or a comment saying what to do by hand when there is no candidate
    ///     or the rebuild cannot be written safely.
    /// </summary>
    public string AddPrimaryKey(string table, CatalogIndex? candidate, HashSet<(string Schema, string Name)> taken)
        => candidate is null
            ? $"-- choose the columns that identify a row, then rebuild {Show(table)} with PRIMARY KEY (…): {RebuildDocs}"
            : RebuildWithPrimaryKey(table, candidate, taken)
                ?? $"-- rebuild {Show(table)} by hand with PRIMARY KEY on the columns of {Show(candidate.Name)}: "
                    + $"its definition cannot be rewritten or printed safely ({RebuildDocs})";

    /// <summary>
    ///     Rebuilds <paramref name="table" /> with a primary key on <paramref name="key" />'s columns, following SQLite's
    ///     twelve steps: foreign keys off (outside the transaction, where the pragma works), a new table with the key,
    ///     the rows copied, the old table dropped and the new one renamed (legacy renaming, so the views and foreign
    ///     keys of other tables that name the old table keep naming it), its other indexes and triggers made again, a
    ///     foreign key check, commit. <paramref name="key" /> itself is not made again: the key's own index replaces it.
    ///     <see langword="null" /> when the table's definition cannot be rewritten or printed safely.
    /// </summary>
    private string? RebuildWithPrimaryKey(string table, CatalogIndex key, HashSet<(string Schema, string Name)> taken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(taken);

        if (!Tables.TryGetValue(table, out var definition)
            || SqliteSqlText.ParseCreateTable(definition.Sql) is not { } parts
            || !new[] { definition.Sql }.Concat(definition.Indexes.Values).Concat(definition.Triggers).All(PrintableStatement)
            || !definition.StoredColumns.Concat(key.Definition.KeyColumns.Select(k => k.Name)).Append(table).All(Printable))
        {
            return null;
        }

        var rebuilt = FixSql.UniqueName(SqliteCatalogReader.Schema, $"{table}_cmms_rebuild", taken);
        var keyColumns = string.Join(", ", key.Definition.KeyColumns.Select(k => QuoteName(k.Name)));
        var create = definition.Sql[..parts.NameStart] + QuoteName(rebuilt) + definition.Sql[parts.NameEnd..parts.DefinitionsEnd].TrimEnd()
            + $",{Environment.NewLine}    PRIMARY KEY ({keyColumns})" + definition.Sql[parts.DefinitionsEnd..];
        var stored = string.Join(", ", definition.StoredColumns.Select(QuoteName));
        var statements = new List<string>
        {
            "PRAGMA foreign_keys = OFF;",
            "PRAGMA legacy_alter_table = ON;",
            "BEGIN;",
            Lines(create) + ";",
            $"INSERT INTO {QuoteName(rebuilt)} ({stored}) SELECT {stored} FROM {QuoteName(table)};",
            $"DROP TABLE {QuoteName(table)};",
            $"ALTER TABLE {QuoteName(rebuilt)} RENAME TO {QuoteName(table)};",
        };
        statements.AddRange(definition.Indexes.Where(i => i.Key != key.Name).OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => Lines(i.Value) + ";"));
        statements.AddRange(definition.Triggers.Select(t => Lines(t) + ";"));
        statements.AddRange(
        [
            $"PRAGMA foreign_key_check({QuoteName(table)});",
            "COMMIT;",
            "PRAGMA legacy_alter_table = OFF;",
            "PRAGMA foreign_keys = ON;",
        ]);
        return string.Join(Environment.NewLine, statements);
    }

    /// <summary>A SQL comment telling what to do by hand to <paramref name="subject" />, whose name is shown escaped.</summary>
    public static string ByHand(string what, string subject)
        => $"-- {what} {Show(subject)} by hand: its name holds characters SQLite SQL cannot escape";

    private static bool Printable(string name) => !UnprintableText.Contains(name);

    // A stored statement is shown line by line; any other unprintable character (a carriage return alone, an escape,
    // a bidirectional override) keeps it out of a fix. A tab is harmless.
    private static bool PrintableStatement(string sql) => !UnprintableText.Contains(sql.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' '));

    private static string Lines(string sql) => string.Join(Environment.NewLine, sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

    private static string Show(string name) => UnprintableText.Escape(name);
}
