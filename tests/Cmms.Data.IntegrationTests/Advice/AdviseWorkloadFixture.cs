using Cmms.Data.LocalPostgres;
using Cmms.Data.Tool.Workload.Catalog;
using Cmms.Data.Tool.Workload.Data;
using Cmms.Data.Tool.Workload.Plans;
using Cmms.Data.Tool.Workload.Schemas;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Advice;

/// <summary>
///     A throwaway PostgreSQL 15 of its own, started with <c>shared_preload_libraries = pg_stat_statements</c> (the
///     shared test server runs without it), holding one Cmms.Data database: migrated, loaded at scale 0.1, with
///     pg_stat_statements and HypoPG created, the indexes in <see cref="Dropped" /> dropped, a one-column index on
///     <c>user_interactions (user_id)</c> added for a proposal to replace, and the catalog workload run
///     <see cref="Runs" /> times after a statistics reset, so pg_stat_statements holds exactly that workload.
/// </summary>
public sealed class AdviseWorkloadFixture : IAsyncLifetime
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

    /// <summary>How many times each catalog query runs (its calls in pg_stat_statements).</summary>
    public const int Runs = 3;

    private LocalPostgresCluster? _cluster;

    /// <summary>The Cmms.Data database's connection string (superuser).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The parameters each catalog query ran with, by id.</summary>
    public IReadOnlyDictionary<string, object[]> Parameters { get; private set; } = new Dictionary<string, object[]>();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _cluster = await LocalPostgresCluster.StartThrowawayAsync();
        await using (var server = new NpgsqlConnection(_cluster.ConnectionString))
        {
            await server.OpenAsync();
            await ExecuteAsync(server, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        }

        NpgsqlConnection.ClearAllPools();
        await _cluster.StopAsync();
        await _cluster.EnsureStartedAsync();

        var name = "advise_" + PostgresDatabases.RandomSuffix();
        await PostgresDatabases.CreateAsync(_cluster.ConnectionString, name);
        ConnectionString = new NpgsqlConnectionStringBuilder(_cluster.GetConnectionString(name)) { CommandTimeout = 0, MaxAutoPrepare = 0 }.ConnectionString;
        await MigrationApplier.MigrateAsync(ConnectionString, CancellationToken.None);

        await using var connection = await OpenAsync();
        await DataLoader.LoadAsync(connection, VolumePlan.For(0.1), DataLoader.DefaultSeed, null, CancellationToken.None);
        await ExecuteAsync(connection, "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg");
        foreach (var index in Dropped.Values)
        {
            await ExecuteAsync(connection, $"DROP INDEX {index}");
        }

        await ExecuteAsync(connection, $"CREATE INDEX {PrefixIndex} ON user_interactions (user_id); ANALYZE");

        var parameters = new Dictionary<string, object[]>();
        foreach (var query in QueryCatalog.All)
        {
            parameters[query.Id] = await QueryRunner.PickParametersAsync(connection, query, CancellationToken.None);
        }

        Parameters = parameters;
        await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()");
        for (var run = 0; run < Runs; run++)
        {
            foreach (var query in QueryCatalog.All)
            {
                await QueryRunner.ExecuteAsync(connection, query, parameters[query.Id], CancellationToken.None);
            }
        }
    }

    /// <summary>Opens a connection to the Cmms.Data database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Runs one or more statements.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
