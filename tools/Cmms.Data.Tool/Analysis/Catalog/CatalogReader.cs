using System.Data;
using Cmms.Data.Conventions.Rules;
using Cmms.Data.Tool.Analysis.Sql;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
using Npgsql;

namespace Cmms.Data.Tool.Analysis.Catalog;

/// <summary>
///     Reads a <see cref="CatalogSnapshot" /> in one READ ONLY, REPEATABLE READ transaction: every query sees the same
///     moment, and the server itself refuses any write.
/// </summary>
internal static class CatalogReader
{
    // pg_relation_size and friends take ACCESS SHARE locks; behind a migration's ACCESS EXCLUSIVE lock, give up instead of hanging.
    private const string TransactionSettings = "SET TRANSACTION READ ONLY; SET LOCAL lock_timeout = '10s'";

    // NULLS NOT DISTINCT exists from PostgreSQL 15 on (https://www.postgresql.org/docs/15/catalog-pg-index.html).
    private const int NullsNotDistinctVersion = 150000;

    /// <summary>Reads the catalog of the database behind <paramref name="connectionString" />.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schemas">The schemas to analyze; empty for every user schema.</param>
    /// <param name="readHistory">Whether to read <c>__EFMigrationsHistory</c> (to choose the model by default).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<CatalogSnapshot> ReadAsync(
        string connectionString,
        IReadOnlyList<string> schemas,
        bool readHistory,
        CancellationToken cancellationToken)
    {
        var source = new NpgsqlDataSourceBuilder(connectionString);
        source.ConnectionStringBuilder.ApplicationName ??= "cmms-db analyze";

        // Every column read is of a built-in type, so loading the database's types at connect time is wasted work.
        source.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        await using var dataSource = source.Build();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using (var settings = new NpgsqlCommand(TransactionSettings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var (facts, keywords) = await ReadFactsAsync(connection, schemas, cancellationToken).ConfigureAwait(false);
        var quoter = new SqlQuoter(keywords);
        var scope = facts.Schemas.ToArray();
        var indexesSql = CatalogSql.Indexes.Replace(
            CatalogSql.NullsNotDistinctPlaceholder,
            facts.ServerVersionNumber >= NullsNotDistinctVersion ? "i.indnullsnotdistinct" : "false",
            StringComparison.Ordinal);

        var snapshot = new CatalogSnapshot
        {
            Facts = facts,
            Tables = await ReadAllAsync(connection, CatalogSql.Tables, scope, ReadTable, cancellationToken).ConfigureAwait(false),
            Indexes = await ReadIndexesAsync(connection, indexesSql, scope, cancellationToken).ConfigureAwait(false),
            Constraints = await ReadAllAsync(connection, CatalogSql.Constraints, scope, ReadConstraint, cancellationToken).ConfigureAwait(false),
            Sequences = await ReadAllAsync(connection, CatalogSql.Sequences, scope, ReadSequence, cancellationToken).ConfigureAwait(false),
            Statistics = (await ReadAllAsync(connection, CatalogSql.Statistics, scope, ReadStatistic, cancellationToken).ConfigureAwait(false))
                .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
            History = readHistory ? await ReadHistoryAsync(connection, quoter, cancellationToken).ConfigureAwait(false) : MigrationHistory.NotRead,
            Quoter = quoter,
        };

        // Nothing was written; ending the transaction without a commit says so.
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    private static async Task<(DatabaseFacts Facts, string[] Keywords)> ReadFactsAsync(
        NpgsqlConnection connection,
        IReadOnlyList<string> requested,
        CancellationToken cancellationToken)
    {
        var row = (await ReadAllAsync(connection, CatalogSql.Facts, null, ReadFactsRow, cancellationToken).ConfigureAwait(false)).Single();
        var (database, version, versionNumber, blockSize, resetAt, now, keywords, allSchemas) = row;
        var unknown = requested.Where(s => !allSchemas.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ToolException(
                $"Schema {string.Join(", ", unknown.Select(s => $"'{s}'"))} not found in database {database}. "
                + $"Its schemas are: {string.Join(", ", allSchemas)}.",
                ExitCodes.Usage);
        }

        var schemas = requested.Count > 0 ? requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() : allSchemas.ToList();
        return (new DatabaseFacts(database, version, versionNumber, blockSize, resetAt, now, schemas), keywords);
    }

    private static (string, string, int, int, DateTimeOffset?, DateTimeOffset, string[], string[]) ReadFactsRow(NpgsqlDataReader r)
        => (r.GetString(0),
            r.GetString(1).Split(' ', 2)[0],
            r.GetInt32(2),
            r.GetInt32(3),
            r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
            r.GetFieldValue<DateTimeOffset>(5),
            r.GetFieldValue<string[]>(6),
            r.GetFieldValue<string[]>(7));

    private static CatalogTable ReadTable(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2) switch { "p" => RelationKind.PartitionedTable, "m" => RelationKind.MaterializedView, _ => RelationKind.Table },
            r.GetBoolean(3),
            r.GetBoolean(4),
            r.GetDouble(5),
            r.GetInt64(6),
            r.GetInt64(7),
            r.GetInt64(8));

    // Two queries, indexes and their columns, joined here: one aggregate per index in SQL costs far more on the server.
    private static async Task<IReadOnlyList<CatalogIndex>> ReadIndexesAsync(
        NpgsqlConnection connection,
        string indexesSql,
        string[] schemas,
        CancellationToken cancellationToken)
    {
        var columns = (await ReadAllAsync(connection, CatalogSql.IndexColumns, schemas, r => (Index: r.GetInt64(0), Column: ReadIndexColumn(r)), cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(c => c.Index, c => c.Column);
        return await ReadAllAsync(connection, indexesSql, schemas, r => ReadIndex(r, columns[r.GetInt64(0)].ToList()), cancellationToken)
            .ConfigureAwait(false);
    }

    private static IndexColumnRow ReadIndexColumn(NpgsqlDataReader r)
        => new(
            r.GetBoolean(1),
            r.GetString(2),
            r.GetBoolean(3),
            r.GetBoolean(4),
            r.IsDBNull(5) ? null : r.GetString(5),
            r.IsDBNull(6) ? null : r.GetString(6),
            r.GetString(7),
            r.GetInt32(8),
            r.GetString(9)[0],
            r.GetBoolean(10));

    private static CatalogIndex ReadIndex(NpgsqlDataReader r, List<IndexColumnRow> columns)
    {
        var schema = r.GetString(1);
        var table = r.GetString(2);
        var name = r.GetString(3);
        var keyCount = r.GetInt32(8);
        var constraintType = r.IsDBNull(9) ? null : r.GetString(9);
        var keys = columns.Take(keyCount)
            .Select(c => new IndexKeyColumn(
                c.Name,
                c.IsExpression,
                c.Descending,
                c.NullsFirst == c.Descending ? null : c.NullsFirst,
                c.OperatorClass,
                c.Collation))
            .ToList();

        return new CatalogIndex
        {
            Definition = new IndexDefinition
            {
                Table = $"{schema}.{table}",
                Name = name,
                Kind = constraintType switch { "p" => IndexKind.PrimaryKey, "u" => IndexKind.UniqueConstraint, _ => IndexKind.Index },
                Method = r.GetString(4),
                KeyColumns = keys,
                IncludeColumns = columns.Skip(keyCount).Select(c => c.Name).ToList(),
                Predicate = r.IsDBNull(10) ? null : r.GetString(10),
                IsUnique = r.GetBoolean(6),
                NullsNotDistinct = r.GetBoolean(11),
                AllowRedundant = constraintType == "x",
            },
            Schema = schema,
            TableName = table,
            IsPartitioned = r.GetBoolean(5),
            IsValid = r.GetBoolean(7),
            IsExclusionConstraint = constraintType == "x",
            CreateStatement = r.IsDBNull(12) ? null : r.GetString(12),
            SizeBytes = r.GetInt64(13),
            Pages = r.GetInt64(14),
            Tuples = r.GetDouble(15),
            Scans = r.GetInt64(16),
            FillFactor = r.GetInt32(17),
            Columns = columns
                .Select(c => new IndexColumnStorage(c.IsExpression ? name : table, c.StatisticsColumn, c.Length, c.Alignment, c.NotNull))
                .ToList(),
        };
    }

    private static CatalogConstraint ReadConstraint(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3)[0],
            r.GetBoolean(4),
            r.GetFieldValue<string[]>(5),
            r.IsDBNull(6) ? null : r.GetString(6));

    private static CatalogSequence ReadSequence(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetInt64(3),
            r.GetInt64(4),
            r.GetInt64(5),
            r.GetBoolean(6),
            r.IsDBNull(8) ? null : r.GetInt64(8),
            r.GetBoolean(7),
            r.IsDBNull(9) ? null : new SequenceOwner(r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12)));

    private static KeyValuePair<string, ColumnStatistic> ReadStatistic(NpgsqlDataReader r)
        => new(
            CatalogSnapshot.StatisticsKey(r.GetString(0), r.GetString(1), r.GetString(2)),
            new ColumnStatistic(r.IsDBNull(3) ? 0 : r.GetInt32(3), r.IsDBNull(4) ? 0 : r.GetDouble(4)));

    private static async Task<MigrationHistory> ReadHistoryAsync(NpgsqlConnection connection, SqlQuoter quoter, CancellationToken cancellationToken)
    {
        var table = (await ReadAllAsync(
                connection,
                CatalogSql.HistoryTable,
                null,
                r => (Schema: r.GetString(0), Readable: r.GetBoolean(1), IdColumn: r.GetString(2)),
                cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();
        if (table.Schema is null)
        {
            return MigrationHistory.NotRead;
        }

        if (!table.Readable)
        {
            return new MigrationHistory(true, false, []);
        }

        var sql = $"SELECT {quoter.Quote(table.IdColumn)}::text FROM {quoter.Quote(table.Schema, "__EFMigrationsHistory")}";
        var ids = await ReadAllAsync(connection, sql, null, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return new MigrationHistory(true, true, ids);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        NpgsqlConnection connection,
        string sql,
        string[]? schemas,
        Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (schemas is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = schemas });
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private sealed record IndexColumnRow(
        bool IsExpression,
        string Name,
        bool Descending,
        bool NullsFirst,
        string? OperatorClass,
        string? Collation,
        string StatisticsColumn,
        int Length,
        char Alignment,
        bool NotNull);
}
