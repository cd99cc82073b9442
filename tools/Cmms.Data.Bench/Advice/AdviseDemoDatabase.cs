using Cmms.Data.Bench.Schemas;
using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.Bench.Advice;

/// <summary>
///     The advise demo (<see cref="AdviseDemo" />) in a scratch database on a throwaway PostgreSQL 15 started with
///     <c>shared_preload_libraries = pg_stat_statements</c>: what the tests and the benchmark run advise on.
/// </summary>
internal sealed class AdviseDemoDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster _cluster;
    private readonly ScratchDatabase _database;

    private AdviseDemoDatabase(LocalPostgresCluster cluster, ScratchDatabase database, IReadOnlyDictionary<string, object[]> parameters)
    {
        _cluster = cluster;
        _database = database;
        Parameters = parameters;
    }

    /// <summary>The Cmms.Data database's connection string (superuser).</summary>
    public string ConnectionString => _database.ConnectionString;

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
            var database = await ScratchDatabase.CreateAsync(cluster.ConnectionString, "advise", cancellationToken).ConfigureAwait(false);
            var parameters = await AdviseDemo.PrepareAsync(database.ConnectionString, scale, runs, cancellationToken).ConfigureAwait(false);
            return new AdviseDemoDatabase(cluster, database, parameters);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection to the Cmms.Data database.</summary>
    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) => _database.OpenAsync(cancellationToken);

    /// <summary>Stops the server and deletes its cluster, the database with it.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.DisposeAsync().ConfigureAwait(false);
    }
}
