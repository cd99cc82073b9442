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
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName ??= "cmms-db analyze";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
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
            Indexes = await ReadAllAsync(connection, indexesSql, scope, ReadIndex, cancellationToken).ConfigureAwait(false),
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
            r.GetInt64(8),
            r.GetInt64(9),
            r.GetInt64(10));

    private static CatalogIndex ReadIndex(NpgsqlDataReader r)
    {
        var schema = r.GetString(0);
        var table = r.GetString(1);
        var name = r.GetString(2);
        var keyCount = r.GetInt32(7);
        var constraintType = r.IsDBNull(8) ? null : r.GetString(8);
        var names = r.GetFieldValue<string[]>(16);
        var expressions = r.GetFieldValue<bool[]>(17);
        var descending = r.GetFieldValue<bool[]>(18);
        var nullsFirst = r.GetFieldValue<bool[]>(19);
        var operatorClasses = r.GetFieldValue<string?[]>(20);
        var collations = r.GetFieldValue<string?[]>(21);
        var statsColumns = r.GetFieldValue<string[]>(22);
        var lengths = r.GetFieldValue<int[]>(23);
        var alignments = r.GetFieldValue<string[]>(24);
        var notNull = r.GetFieldValue<bool[]>(25);

        var keys = Enumerable.Range(0, keyCount)
            .Select(k => new IndexKeyColumn(
                names[k],
                expressions[k],
                descending[k],
                nullsFirst[k] == descending[k] ? null : nullsFirst[k],
                operatorClasses[k],
                collations[k]))
            .ToList();

        return new CatalogIndex
        {
            Definition = new IndexDefinition
            {
                Table = $"{schema}.{table}",
                Name = name,
                Kind = constraintType switch { "p" => IndexKind.PrimaryKey, "u" => IndexKind.UniqueConstraint, _ => IndexKind.Index },
                Method = r.GetString(3),
                KeyColumns = keys,
                IncludeColumns = names[keyCount..],
                Predicate = r.IsDBNull(9) ? null : r.GetString(9),
                IsUnique = r.GetBoolean(5),
                NullsNotDistinct = r.GetBoolean(10),
                AllowRedundant = constraintType == "x",
            },
            Schema = schema,
            TableName = table,
            IsPartitioned = r.GetBoolean(4),
            IsValid = r.GetBoolean(6),
            IsExclusionConstraint = constraintType == "x",
            CreateStatement = r.GetString(11),
            SizeBytes = r.GetInt64(12),
            Pages = r.GetInt64(13),
            Tuples = r.GetDouble(14),
            Scans = r.GetInt64(15),
            FillFactor = r.GetInt32(26),
            Columns = Enumerable.Range(0, names.Length)
                .Select(k => new IndexColumnStorage(expressions[k] ? name : table, statsColumns[k], lengths[k], alignments[k][0], notNull[k]))
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
}
