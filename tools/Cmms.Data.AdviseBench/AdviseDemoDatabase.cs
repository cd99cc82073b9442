using Cmms.Data.LocalPostgres;
using Cmms.Data.Tool.Workload.Catalog;
using Cmms.Data.Tool.Workload.Data;
using Cmms.Data.Tool.Workload.Plans;
using Cmms.Data.Tool.Workload.Schemas;
using Npgsql;

namespace Cmms.Data.AdviseBench;

/// <summary>
///     The database advise is demonstrated, tested and measured on: a throwaway PostgreSQL 15 started with
///     <c>shared_preload_libraries = pg_stat_statements</c>, one Cmms.Data database migrated and loaded with the catalog
///     data, pg_stat_statements and HypoPG created, some catalog indexes dropped, a one-column index added that the
///     advice should replace, and the catalog workload run after a statistics reset, so pg_stat_statements holds
///     exactly that workload.
/// </summary>
internal sealed class AdviseDemoDatabase : IAsyncDisposable
{
    /// <summary>The catalog indexes dropped before the workload runs, by the query they serve.</summary>
    public static readonly IReadOnlyDictionary<string, string> Dropped = new Dictionary<string, string>
    {
        ["Q6"] = "ix_user_activity_logs_user_id_created_at",
        ["Q12"] = "ix_machines_attributes",
        ["Q14"] = "ix_stock_transactions_part_id_occurred_at",
        ["Q22"] = "ix_user_interactions_user_id_created_at",
    };

    /// <summary>The index the advice should replace: a leading prefix of what Q22 needs.</summary>
    public const string PrefixIndex = "ix_probe_user_interactions_user_id";

    private readonly LocalPostgresCluster _cluster;

    private AdviseDemoDatabase(LocalPostgresCluster cluster, string connectionString, IReadOnlyDictionary<string, object[]> parameters)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
        Parameters = parameters;
    }

    /// <summary>The Cmms.Data database's connection string (superuser).</summary>
    public string ConnectionString { get; }

    /// <summary>The parameters each catalog query ran with, by id.</summary>
    public IReadOnlyDictionary<string, object[]> Parameters { get; }

    /// <summary>Starts the server and prepares the database.</summary>
    /// <param name="scale">The data volume (1.0 = the benchmark volumes of the schema specification).</param>
    /// <param name="dropped">The catalog indexes to drop.</param>
    /// <param name="runs">How many times each catalog query runs (its calls in pg_stat_statements).</param>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    public static async Task<AdviseDemoDatabase> CreateAsync(double scale, IEnumerable<string> dropped, int runs, CancellationToken cancellationToken)
    {
        var cluster = await LocalPostgresCluster.StartThrowawayAsync(new ThrowawayClusterOptions { SharedPreloadLibraries = ["pg_stat_statements"] }, cancellationToken).ConfigureAwait(false);
        try
        {
            var name = "advise_" + PostgresDatabases.RandomSuffix();
            await PostgresDatabases.CreateAsync(cluster.ConnectionString, name, cancellationToken).ConfigureAwait(false);
            var connectionString = new NpgsqlConnectionStringBuilder(cluster.GetConnectionString(name)) { CommandTimeout = 0, MaxAutoPrepare = 0 }.ConnectionString;
            await MigrationApplier.MigrateAsync(connectionString, cancellationToken).ConfigureAwait(false);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await DataLoader.LoadAsync(connection, VolumePlan.For(scale), DataLoader.DefaultSeed, null, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg", cancellationToken).ConfigureAwait(false);
            foreach (var index in dropped)
            {
                await ExecuteAsync(connection, $"DROP INDEX {index}", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, $"CREATE INDEX {PrefixIndex} ON user_interactions (user_id); ANALYZE", cancellationToken).ConfigureAwait(false);

            var parameters = new Dictionary<string, object[]>();
            foreach (var query in QueryCatalog.All)
            {
                parameters[query.Id] = await QueryRunner.PickParametersAsync(connection, query, cancellationToken).ConfigureAwait(false);
            }

            // Only the workload itself, not the loading and parameter picking, is what pg_stat_statements should hold.
            await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()", cancellationToken).ConfigureAwait(false);
            for (var run = 0; run < runs; run++)
            {
                foreach (var query in QueryCatalog.All)
                {
                    await QueryRunner.ExecuteAsync(connection, query, parameters[query.Id], cancellationToken).ConfigureAwait(false);
                }
            }

            return new AdviseDemoDatabase(cluster, connectionString, parameters);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection to the Cmms.Data database.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs one or more statements.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and deletes its cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.DisposeAsync().ConfigureAwait(false);
    }
}
