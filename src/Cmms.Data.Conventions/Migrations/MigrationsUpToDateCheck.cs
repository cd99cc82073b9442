using Cmms.Data.Conventions.Migrations.Engine;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Whether a database is already where the safe migrations engine would take it, decided from the catalog alone:
///     without the migration lock, an EF Core service provider or a model. Up to date means that the migration history
///     holds exactly <see cref="MigrationIds" />, that no index is INVALID in a schema that counts (every schema that is
///     not PostgreSQL's own), and that the server is one the engine supports
///     (<see cref="SafeMigrationsDefaults.MinimumServerVersion" />). Anything else, and every doubt (no history table, no
///     right to read it, no primary key on it), is "not up to date": migrate through the engine, which takes the lock,
///     runs the preflight (another application's history, unknown migrations, the server version) and rebuilds the
///     INVALID indexes the model declares.
/// </summary>
/// <remarks>
///     <para>
///         <c>MigrateAsync()</c>, <c>dotnet ef database update</c> and efbundle on a context with <c>UseSafeMigrations()</c>
///         already make this check before they take the lock (with the schemas of the model's tables as the ones that
///         count); call it yourself to skip building the context's model when there is nothing to do, as <c>cmms-db
///         migrate</c> does.
///     </para>
///     <para>
///         It reads only and takes no lock, so a migrator running at the same time is either still at work (its migration
///         is not in the history yet, or the index it builds is INVALID until its build ends: not up to date, and the
///         engine then waits for its lock) or done. One moment escapes that: a repair drops an INVALID index just before
///         it builds the index again, and a check between the two finds nothing INVALID. The history is read through its primary key column, so the check
///         works whatever the naming conventions call that column.
///     </para>
/// </remarks>
public sealed class MigrationsUpToDateCheck
{
    /// <summary>The engine's minimum server (<see cref="SafeMigrationsDefaults.MinimumServerVersion" />) as <c>server_version_num</c> gives it.</summary>
    internal static readonly int MinimumServerVersionNumber =
        (SafeMigrationsDefaults.MinimumServerVersion.Major * 10000) + SafeMigrationsDefaults.MinimumServerVersion.Minor;

    /// <summary>
    ///     The server's version, whether an index is INVALID in the schemas that count (<see cref="InvalidIndexScope" />;
    ///     those of <paramref name="schemasParameter" />, if named), and the query that reads the history's ids (NULL
    ///     without a history table one may read). A history table without a schema is found through the search_path,
    ///     as EF Core finds it. The names are literals in the text: a parameter would cost a cold cmms-db more than the
    ///     rest of the check (<see cref="SqlLiteral" />).
    /// </summary>
    private string StateSql(string? schemasParameter)
    {
        var history = HistorySchema is null
            ? $"quote_ident({SqlLiteral.Quote(HistoryTable)})"
            : $"quote_ident({SqlLiteral.Quote(HistorySchema)}) || '.' || quote_ident({SqlLiteral.Quote(HistoryTable)})";
        return $"""
            SELECT current_setting('server_version_num')::int,
                   EXISTS ({InvalidIndexScope.InvalidIndexesSql(schemasParameter)}),
                   (SELECT format('SELECT %I::text FROM %s', a.attname, h.oid::regclass)
                    FROM pg_class h
                    JOIN pg_index k ON k.indrelid = h.oid AND k.indisprimary AND k.indnatts = 1
                    JOIN pg_attribute a ON a.attrelid = h.oid AND a.attnum = k.indkey[0]
                    WHERE h.oid = to_regclass({history}) AND has_table_privilege(h.oid, 'SELECT'))
            """;
    }

    /// <summary>A check for a context whose migrations have <paramref name="migrationIds" />.</summary>
    /// <param name="migrationIds">Every migration id of the context, in any order (<see cref="Migrations.MigrationIds.InAssembly" /> reads them).</param>
    /// <param name="historyTable">The history table's name (<c>MigrationsHistoryTable(…)</c>); EF Core's default <c>__EFMigrationsHistory</c> when <see langword="null" />.</param>
    /// <param name="historySchema">The history table's schema; <see langword="null" /> to find it through the connection's <c>search_path</c>, as EF Core does.</param>
    public MigrationsUpToDateCheck(IEnumerable<string> migrationIds, string? historyTable = null, string? historySchema = null)
    {
        ArgumentNullException.ThrowIfNull(migrationIds);
        MigrationIds = [.. migrationIds.Order(StringComparer.Ordinal)];
        HistoryTable = historyTable ?? HistoryRepository.DefaultTableName;
        HistorySchema = historySchema;
    }

    /// <summary>The context's migration ids, oldest first: the history must hold exactly these.</summary>
    public IReadOnlyList<string> MigrationIds { get; }

    /// <summary>The history table's name.</summary>
    public string HistoryTable { get; }

    /// <summary>The history table's schema, or <see langword="null" /> for the one the <c>search_path</c> finds.</summary>
    public string? HistorySchema { get; }

    /// <summary>Whether the database of <paramref name="dataSource" /> is up to date (see <see cref="MigrationsUpToDateCheck" />).</summary>
    /// <param name="dataSource">The database's data source; one connection of it is used for two short queries.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns><see langword="true" /> when migrating to the newest migration has nothing to do.</returns>
    public async Task<bool> IsUpToDateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await IsUpToDateAsync(connection, schemas: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The check on an open connection, with <paramref name="schemas" /> as the ones that count (<see cref="InvalidIndexScope" />).</summary>
    internal async Task<bool> IsUpToDateAsync(NpgsqlConnection connection, IReadOnlyCollection<string?>? schemas, CancellationToken cancellationToken)
    {
        string historySelect;
        await using var state = new NpgsqlCommand(StateSql(schemas is null ? null : "$1"), connection);
        if (schemas is not null)
        {
            state.Parameters.Add(InvalidIndexScope.Parameter(schemas));
        }

        await using (var reader = await state.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                || reader.GetInt32(0) < MinimumServerVersionNumber
                || reader.GetBoolean(1)
                || reader.IsDBNull(2))
            {
                return false;
            }

            historySelect = reader.GetString(2);
        }

        var applied = new List<string>();
        await using (var history = new NpgsqlCommand(historySelect, connection))
        await using (var reader = await history.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return applied.Order(StringComparer.Ordinal).SequenceEqual(MigrationIds, StringComparer.Ordinal);
    }
}
