using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cmms.Data.Analysis.Sqlite;

/// <summary>
///     Reads a SQLite file's catalog into the <see cref="CatalogSnapshot" /> the checks consume: tables from
///     <c>pragma table_list</c> and <c>sqlite_schema</c>, indexes from <c>pragma index_list</c> and
///     <c>pragma index_xinfo</c>, foreign keys from <c>pragma foreign_key_list</c>
///     (https://sqlite.org/pragma.html), all in one read transaction, so every read sees the same moment.
/// </summary>
/// <remarks>
///     SQLite has one schema per file, <c>main</c>, and keeps no statistics of use; an <c>INTEGER PRIMARY KEY</c> is the
///     rowid itself and has no index of its own, so it is described as the key it is (named <c>rowid</c>).
/// </remarks>
internal static class SqliteCatalogReader
{
    /// <summary>The schema name of a file's own database (https://sqlite.org/lang_attach.html).</summary>
    public const string Schema = "main";

    /// <summary>The name the catalog gives the key an <c>INTEGER PRIMARY KEY</c> column is: the rowid.</summary>
    public const string RowidKeyName = "rowid";

    /// <summary>Reads the catalog, and the migration ids of <paramref name="historyTable" /> unless it is <see langword="null" />.</summary>
    public static (CatalogSnapshot Catalog, MigrationHistory History, bool SizesKnown) Read(SqliteConnection connection, string database, string? historyTable)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var version = Scalar(connection, "SELECT sqlite_version()");
        var pageSize = int.Parse(Scalar(connection, "PRAGMA page_size"), System.Globalization.CultureInfo.InvariantCulture);
        var objects = SqliteRows.Query(connection, "SELECT type, name, tbl_name, sql FROM sqlite_schema", r => new SchemaObject(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        var tableSql = objects.Where(o => o.Type == "table").ToDictionary(o => o.Name, o => o.Sql, StringComparer.Ordinal);
        var indexSql = objects.Where(o => o.Type == "index").ToDictionary(o => o.Name, o => o.Sql, StringComparer.Ordinal);
        var byTable = objects.Where(o => o.Sql is not null).ToLookup(o => (o.Type, o.Table));
        var sizes = ReadSizes(connection);
        var sizesKnown = sizes is not null;
        sizes ??= new Dictionary<string, long>(StringComparer.Ordinal);

        // Virtual tables and their shadow tables belong to their module, SQLite's own tables (sqlite_*) to SQLite.
        var tableList = SqliteRows.Query(
            connection,
            "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            r => (Name: r.GetString(0), WithoutRowid: r.GetInt64(1) == 1));
        var tableNames = tableList.Select(t => t.Name).ToList();
        var columns = tableNames.ToDictionary(t => t, t => ReadColumns(connection, t), StringComparer.Ordinal);
        // Table names are case-insensitive in SQLite; REFERENCES keeps the case it was written in. SQLite folds ASCII
        // only, so two tables may differ in a case this comparer folds: a name written exactly wins, else the first by name.
        var tablesAnyCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in tableNames)
        {
            tablesAnyCase.TryAdd(name, name);
        }

        var foreignKeys = tableNames.SelectMany(t => ReadForeignKeys(connection, t, columns, tablesAnyCase)).ToList();
        var referencing = foreignKeys.ToLookup(f => f.ReferencedTable, StringComparer.OrdinalIgnoreCase);

        var tables = new List<CatalogTable>();
        var indexes = new List<CatalogIndex>();
        var definitions = new Dictionary<string, SqliteTableDefinition>(StringComparer.Ordinal);
        foreach (var (table, withoutRowid) in tableList)
        {
            var tableColumns = columns[table];
            var hasKey = tableColumns.Any(c => c.KeyPosition > 0);
            tables.Add(new CatalogTable(Schema, table, RelationKind.Table, false, hasKey, -1, sizes.GetValueOrDefault(table), 0, 0, null, null, 0));
            if (!withoutRowid && RowidKey(table, tableColumns) is { } rowid)
            {
                indexes.Add(rowid);
            }

            indexes.AddRange(ReadIndexes(connection, table, tableColumns, indexSql, referencing[$"{Schema}.{table}"].ToList(), sizes));
            definitions[table] = new SqliteTableDefinition(
                table,
                tableSql.GetValueOrDefault(table) ?? string.Empty,
                tableColumns.Where(c => c.Hidden is not (2 or 3)).Select(c => c.Name).ToList(),
                byTable[("index", table)].ToDictionary(o => o.Name, o => o.Sql!, StringComparer.Ordinal),
                byTable[("trigger", table)].Select(o => o.Sql!).ToList());
        }

        var history = historyTable is null ? MigrationHistory.NotRead : ReadHistory(connection, tablesAnyCase, columns, historyTable);
        transaction.Rollback();

        var snapshot = new CatalogSnapshot
        {
            Facts = new DatabaseFacts(database, version, 0, pageSize, null, DateTimeOffset.UtcNow, [Schema]),
            Tables = tables,
            Indexes = indexes,
            Constraints = foreignKeys,
            Sequences = [],
            Statistics = new Dictionary<string, ColumnStatistic>(),
            Quoter = new SqlQuoter([]),
            Fixes = new SqliteFixDialect(definitions),
        };
        return (snapshot, history, sizesKnown);
    }

    // In a rowid table, a primary key of one column declared INTEGER is the rowid itself, with no index of its own
    // (https://sqlite.org/lang_createtable.html#rowid; the INTEGER PRIMARY KEY DESC quirk aside).
    private static CatalogIndex? RowidKey(string table, List<SqliteColumn> columns)
    {
        if (columns.Where(c => c.KeyPosition > 0).ToList() is not [var column] || !column.DeclaredType.Equals("INTEGER", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var definition = new IndexDefinition
        {
            Table = $"{Schema}.{table}",
            Name = RowidKeyName,
            Kind = IndexKind.PrimaryKey,
            KeyColumns = [new IndexKeyColumn(column.Name)],
            IsUnique = true,
        };
        return Index(definition, table, [column]);
    }

    private static IEnumerable<CatalogIndex> ReadIndexes(
        SqliteConnection connection,
        string table,
        List<SqliteColumn> columns,
        Dictionary<string, string?> indexSql,
        List<CatalogConstraint> referencingForeignKeys,
        Dictionary<string, long> sizes)
    {
        var byPosition = columns.ToDictionary(c => c.Position);
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var list = SqliteRows.Query(
            connection,
            "SELECT name, \"unique\", origin FROM pragma_index_list($name)",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2)),
            table);
        foreach (var (name, unique, origin) in list.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var sql = indexSql.GetValueOrDefault(name);
            var parsed = sql is null ? null : SqliteSqlText.ParseCreateIndex(sql);
            var keys = SqliteRows.Query(
                connection,
                "SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo($name) WHERE key = 1 ORDER BY seqno",
                r => (Column: r.GetInt32(0), Name: r.IsDBNull(1) ? null : r.GetString(1), Descending: r.GetInt64(2) == 1, Collation: r.GetString(3)),
                name);
            var keyColumns = keys.Select((k, position) =>
                {
                    var column = k.Column >= 0 ? byPosition[k.Column] : null;
                    var ownCollation = column?.Collation ?? "BINARY";
                    return new IndexKeyColumn(
                        column?.Name ?? parsed?.Items.ElementAtOrDefault(position) ?? k.Name ?? "(expression)",
                        IsExpression: k.Column == -2,
                        Descending: k.Descending,
                        Collation: string.Equals(k.Collation, ownCollation, StringComparison.OrdinalIgnoreCase) ? null : k.Collation);
                })
                .ToList();
            var keyNames = keyColumns.Where(k => !k.IsExpression).Select(k => k.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

            // A unique index a foreign key references is its parent key: dropping it breaks every write the foreign key checks.
            var parentKey = unique && referencingForeignKeys.Any(f => keyNames.SetEquals(f.ReferencedColumns));
            var definition = new IndexDefinition
            {
                Table = $"{Schema}.{table}",
                Name = name,
                Kind = origin switch { "pk" => IndexKind.PrimaryKey, "u" => IndexKind.UniqueConstraint, _ => IndexKind.Index },
                KeyColumns = keyColumns,
                Predicate = parsed?.Predicate,
                IsUnique = unique,
                AllowRedundant = parentKey,
            };
            yield return Index(
                definition,
                table,
                keyColumns.Select(k => k.IsExpression ? null : byName.GetValueOrDefault(k.Name)).ToList(),
                sizes.GetValueOrDefault(name));
        }
    }

    private static CatalogIndex Index(IndexDefinition definition, string table, IReadOnlyList<SqliteColumn?> columns, long size = 0)
        => new()
        {
            Definition = definition,
            Schema = Schema,
            TableName = table,
            IsValid = true,
            IsPartitioned = false,
            IsExclusionConstraint = false,
            SizeBytes = size,
            Pages = 0,
            Tuples = -1,
            Scans = 0,
            FillFactor = 100,
            Columns = columns.Select(c => new IndexColumnStorage(table, c?.Name ?? string.Empty, -1, 'c', c?.NotNull ?? false)).ToList(),
        };

    private static List<SqliteColumn> ReadColumns(SqliteConnection connection, string table)
    {
        var rows = SqliteRows.Query(
            connection,
            "SELECT cid, name, type, \"notnull\", pk, hidden FROM pragma_table_xinfo($name) ORDER BY cid",
            r => (Position: r.GetInt32(0), Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetInt64(3) == 1, Key: r.GetInt32(4), Hidden: r.GetInt32(5)),
            table);
        return rows.Select(c => new SqliteColumn(c.Position, c.Name, c.Type, c.NotNull || c.Key > 0, c.Key, c.Hidden, Collation(connection, table, c.Name, c.Hidden))).ToList();
    }

    // No pragma reports a column's declared collation; sqlite3_table_column_metadata does
    // (https://sqlite.org/c3ref/table_column_metadata.html). Hidden columns of virtual tables have none.
    private static string Collation(SqliteConnection connection, string table, string column, int hidden)
    {
        if (hidden == 1)
        {
            return "BINARY";
        }

        var result = raw.sqlite3_table_column_metadata(connection.Handle, Schema, table, column, out _, out var collation, out _, out _, out _);
        return result == raw.SQLITE_OK && !string.IsNullOrEmpty(collation) ? collation : "BINARY";
    }

    private static IEnumerable<CatalogConstraint> ReadForeignKeys(
        SqliteConnection connection,
        string table,
        Dictionary<string, List<SqliteColumn>> columns,
        Dictionary<string, string> tablesAnyCase)
    {
        var rows = SqliteRows.Query(
            connection,
            "SELECT id, seq, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list($name) ORDER BY id, seq",
            r => (Id: r.GetInt32(0), Parent: r.GetString(2), From: r.GetString(3), To: r.IsDBNull(4) ? null : r.GetString(4)),
            table);
        foreach (var key in rows.GroupBy(r => r.Id))
        {
            var written = key.First().Parent;
            var parent = columns.ContainsKey(written) ? written : tablesAnyCase.GetValueOrDefault(written) ?? written;
            var from = key.Select(k => k.From).ToList();
            var to = key.All(k => k.To is not null)
                ? key.Select(k => k.To!).ToList()
                : columns.GetValueOrDefault(parent)?.Where(c => c.KeyPosition > 0).OrderBy(c => c.KeyPosition).Select(c => c.Name).ToList() ?? [];

            // SQLite keeps no name for a foreign key outside its table's SQL: it is named as PostgreSQL names one by default.
            yield return new CatalogConstraint(Schema, table, $"{table}_{string.Join("_", from)}_fkey", 'f', true, from, $"{Schema}.{parent}", to);
        }
    }

    // The dbstat virtual table (https://sqlite.org/dbstat.html) sums the pages of each table and index; a SQLite
    // built without it (SQLITE_ENABLE_DBSTAT_VTAB) tells no sizes: null.
    private static Dictionary<string, long>? ReadSizes(SqliteConnection connection)
    {
        try
        {
            return SqliteRows.Query(connection, "SELECT name, SUM(pgsize) FROM dbstat('main') GROUP BY name", r => (Name: r.GetString(0), Size: r.GetInt64(1)))
                .ToDictionary(s => s.Name, s => s.Size, StringComparer.Ordinal);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == raw.SQLITE_ERROR)
        {
            return null;
        }
    }

    // The migration ids of the EF Core history table, keyed by its first key column (MigrationId, migration_id, …).
    private static MigrationHistory ReadHistory(
        SqliteConnection connection,
        Dictionary<string, string> tablesAnyCase,
        Dictionary<string, List<SqliteColumn>> columns,
        string historyTable)
    {
        if ((columns.ContainsKey(historyTable) ? historyTable : tablesAnyCase.GetValueOrDefault(historyTable)) is not { } table)
        {
            return MigrationHistory.NotRead;
        }

        var column = columns[table].Where(c => c.KeyPosition > 0).OrderBy(c => c.KeyPosition).FirstOrDefault() ?? columns[table][0];
        var ids = SqliteRows.Query(connection, $"SELECT CAST({SqliteFixDialect.QuoteName(column.Name)} AS TEXT) FROM {SqliteFixDialect.QuoteName(table)}", r => r.GetString(0));
        return new MigrationHistory(true, true, ids);
    }

    private static string Scalar(SqliteConnection connection, string sql) => SqliteRows.Query(connection, sql, r => r.GetValue(0).ToString()!).Single();

    /// <summary>One column as <c>pragma table_xinfo</c> and <c>sqlite3_table_column_metadata</c> describe it.</summary>
    private sealed record SqliteColumn(int Position, string Name, string DeclaredType, bool NotNull, int KeyPosition, int Hidden, string Collation);

    /// <summary>One row of <c>sqlite_schema</c> (https://sqlite.org/schematab.html).</summary>
    private sealed record SchemaObject(string Type, string Name, string Table, string? Sql);
}
