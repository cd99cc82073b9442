using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Conventions.Migrations;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     Whether <c>cmms-db migrate</c> to the newest migration has nothing to do, decided from the catalog alone, before
///     an EF Core service provider or model exists (building them is most of a no-op run's time): the history holds
///     exactly this build's migrations and no index of the schema is INVALID. Anything else, and every doubt, goes to
///     the migration engine, which takes the lock, runs the preflight (another application's history, unknown
///     migrations, the server version) and repairs INVALID indexes the model declares.
/// </summary>
/// <remarks>
///     Reads only and takes no lock: a migrator running at the same time is either still writing (its migration is
///     not in the history yet, or its rebuilt index is INVALID until its build ends, so this run goes to the engine
///     and waits for the lock) or done.
/// </remarks>
internal static class UpToDateCheck
{
    /// <summary>The engine's minimum server (<see cref="SafeMigrationsDefaults.MinimumServerVersion" />) as <c>server_version_num</c>.</summary>
    public static readonly int MinimumServerVersionNumber =
        (SafeMigrationsDefaults.MinimumServerVersion.Major * 10000) + SafeMigrationsDefaults.MinimumServerVersion.Minor;

    // Every INVALID index in the schema counts, not only the model's: which ones the model declares is the engine's
    // call, and it needs the model. https://www.postgresql.org/docs/current/catalog-pg-index.html (indisvalid)
    private const string ServerSql = """
        SELECT current_setting('server_version_num')::int,
               EXISTS (SELECT 1 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                       WHERE NOT i.indisvalid AND t.relnamespace = current_schema()::regnamespace)
        """;

    public static async Task<bool> IsUpToDateAsync(NpgsqlDataSource dataSource, MigrationCatalog catalog, CancellationToken cancellationToken)
    {
        var history = await new CatalogReader(dataSource).ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
        if (!history.IsReadable || !history.MigrationIds.Order(StringComparer.Ordinal).SequenceEqual(catalog.Ids, StringComparer.Ordinal))
        {
            return false;
        }

        await using var command = dataSource.CreateCommand(ServerSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            && reader.GetInt32(0) >= MinimumServerVersionNumber
            && !reader.GetBoolean(1);
    }
}
