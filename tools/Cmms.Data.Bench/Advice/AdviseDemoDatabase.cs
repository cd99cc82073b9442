using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.Bench.Advice;

/// <summary>
///     The advise demo (<see cref="AdviseDemo" />) in a database of its own on a throwaway PostgreSQL 15 started with
///     <c>shared_preload_libraries = pg_stat_statements</c>: what the tests and the benchmark run advise on.
/// </summary>
internal sealed class AdviseDemoDatabase : IAsyncDisposable
{
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
    /// <param name="runs">How many times each catalog query runs (its calls in pg_stat_statements).</param>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    public static async Task<AdviseDemoDatabase> CreateAsync(double scale, int runs, CancellationToken cancellationToken)
    {
        var cluster = await LocalPostgresCluster.StartThrowawayAsync(
            new ThrowawayClusterOptions { SharedPreloadLibraries = [LocalPostgresCluster.PreloadedStatistics] },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var name = "advise_" + PostgresDatabases.RandomSuffix();
            await PostgresDatabases.CreateAsync(cluster.ConnectionString, name, cancellationToken).ConfigureAwait(false);
            var connectionString = new NpgsqlConnectionStringBuilder(cluster.GetConnectionString(name)) { CommandTimeout = 0, MaxAutoPrepare = 0 }.ConnectionString;
            var parameters = await AdviseDemo.PrepareAsync(connectionString, scale, runs, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Stops the server and deletes its cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.DisposeAsync().ConfigureAwait(false);
    }
}
