using System.Data;
using Cmms.Data.Analysis.Sql;
using Npgsql;

namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     Reads a database's catalog, each read in its own READ ONLY transaction (the server itself refuses any write);
///     the snapshot in one REPEATABLE READ transaction, so every query sees the same moment.
/// </summary>
internal sealed class CatalogReader(NpgsqlDataSource dataSource)
{
    // pg_relation_size and friends take ACCESS SHARE locks; behind a migration's ACCESS EXCLUSIVE lock, give up instead of hanging.
    private const string TransactionSettings = "SET TRANSACTION READ ONLY; SET LOCAL lock_timeout = '10s'";

    // NULLS NOT DISTINCT exists from PostgreSQL 15 on (https://www.postgresql.org/docs/15/catalog-pg-index.html).
    private const int NullsNotDistinctVersion = 150000;

    private readonly NpgsqlDataSource _dataSource = dataSource;

    /// <summary>Reads the snapshot every check works on.</summary>
    /// <param name="schemas">The schemas to analyze; empty for every user schema.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<CatalogSnapshot> ReadAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginReadOnlyAsync(connection, IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        var (facts, keywords) = await ReadFactsAsync(connection, schemas, cancellationToken).ConfigureAwait(false);
        var scope = facts.Schemas.ToArray();

        var snapshot = new CatalogSnapshot
        {
            Facts = facts,
            Tables = await ReadAllAsync(connection, CatalogSql.Tables, scope, CatalogRows.ReadTable, cancellationToken).ConfigureAwait(false),
            Indexes = await ReadIndexesAsync(connection, facts.ServerVersionNumber, CatalogSql.AllTables, [scope], cancellationToken).ConfigureAwait(false),
            Constraints = await ReadAllAsync(connection, CatalogSql.Constraints, scope, CatalogRows.ReadConstraint, cancellationToken).ConfigureAwait(false),
            Sequences = await ReadAllAsync(connection, CatalogSql.Sequences, scope, CatalogRows.ReadSequence, cancellationToken).ConfigureAwait(false),
            Statistics = (await ReadAllAsync(connection, CatalogSql.Statistics, scope, CatalogRows.ReadStatistic, cancellationToken).ConfigureAwait(false))
                .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
            Quoter = new SqlQuoter(keywords),
            Health = await HealthCatalogReader.ReadAsync(connection, scope, cancellationToken).ConfigureAwait(false),
        };

        // Nothing was written; ending the transaction without a commit says so.
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>Reads what <c>__EFMigrationsHistory</c> says, if the table exists and the role may read it.</summary>
    public async Task<MigrationHistory> ReadHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginReadOnlyAsync(connection, IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        var table = (await ReadAllAsync(connection, CatalogSql.HistoryTable, null, r => (Readable: r.GetBoolean(0), Select: r.GetString(1)), cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();
        var history = table.Select is null
            ? MigrationHistory.NotRead
            : new MigrationHistory(
                true,
                table.Readable,
                table.Readable ? await ReadAllAsync(connection, table.Select, null, r => r.GetString(0), cancellationToken).ConfigureAwait(false) : []);

        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return history;
    }

    private static async Task<NpgsqlTransaction> BeginReadOnlyAsync(NpgsqlConnection connection, IsolationLevel isolation, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken).ConfigureAwait(false);
        await using var settings = new NpgsqlCommand(TransactionSettings, connection, transaction);
        await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
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
            throw new AnalysisException(
                $"Schema {string.Join(", ", unknown.Select(s => $"'{s}'"))} not found in database {database}. "
                + $"Its schemas are: {string.Join(", ", allSchemas)}.");
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

    /// <summary>
    ///     The indexes of the given tables only, on an open connection whose session is already read-only (advise's):
    ///     the same rows, and so the same rule-engine descriptions, as the snapshot's.
    /// </summary>
    public static Task<IReadOnlyList<CatalogIndex>> ReadIndexesAsync(
        NpgsqlConnection connection,
        IReadOnlyCollection<(string Schema, string Table)> tables,
        CancellationToken cancellationToken)
    {
        string[] schemas = [.. tables.Select(t => t.Schema).Distinct(StringComparer.Ordinal)];
        string[][] parameters = [schemas, [.. tables.Select(t => t.Schema)], [.. tables.Select(t => t.Table)]];
        return ReadIndexesAsync(connection, connection.PostgreSqlVersion.Major * 10000, CatalogSql.ListedTables, parameters, cancellationToken);
    }

    // Two queries, indexes and their columns, joined here: one aggregate per index in SQL costs far more on the server.
    private static async Task<IReadOnlyList<CatalogIndex>> ReadIndexesAsync(
        NpgsqlConnection connection,
        int serverVersionNumber,
        string tableFilter,
        string[][] parameters,
        CancellationToken cancellationToken)
    {
        var indexesSql = CatalogSql.Indexes
            .Replace(CatalogSql.NullsNotDistinctPlaceholder, serverVersionNumber >= NullsNotDistinctVersion ? "i.indnullsnotdistinct" : "false", StringComparison.Ordinal)
            .Replace(CatalogSql.TableFilterPlaceholder, tableFilter, StringComparison.Ordinal);
        var columnsSql = CatalogSql.IndexColumns.Replace(CatalogSql.TableFilterPlaceholder, tableFilter, StringComparison.Ordinal);
        var columns = (await ReadRowsAsync(
                    connection,
                    columnsSql,
                    parameters,
                    r => (Index: r.GetInt64(0), Column: CatalogRows.ReadIndexColumn(r)),
                    cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(c => c.Index, c => c.Column);
        return await ReadRowsAsync(connection, indexesSql, parameters, r => CatalogRows.ReadIndex(r, columns[r.GetInt64(0)].ToList()), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Runs one catalog query (with the schema list as <c>$1</c>, if given) and maps every row.</summary>
    internal static Task<IReadOnlyList<T>> ReadAllAsync<T>(
        NpgsqlConnection connection,
        string sql,
        string[]? schemas,
        Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken)
        => ReadRowsAsync(connection, sql, schemas is null ? [] : [schemas], map, cancellationToken);

    private static async Task<IReadOnlyList<T>> ReadRowsAsync<T>(
        NpgsqlConnection connection,
        string sql,
        string[][] parameters,
        Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var values in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = values });
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
