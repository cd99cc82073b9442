using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>One of the three benchmark databases: its schema, its scratch database, an open session and its load.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(BenchSchema schema, ScratchDatabase database, NpgsqlConnection connection, LoadReport load)
    {
        Schema = schema;
        Database = database;
        Connection = connection;
        Load = load;
    }

    public BenchSchema Schema { get; }

    public ScratchDatabase Database { get; }

    /// <summary>The session every measurement on this database runs on.</summary>
    public NpgsqlConnection Connection { get; }

    public LoadReport Load { get; }

    /// <summary>
    ///     Creates the database next to the given one, builds the schema and loads the data set into it, with every index
    ///     in place, or, with <paramref name="indexesAfterLoad" />, building the secondary ones after the load
    ///     (<see cref="DeferredIndexes" />: the same indexes, for databases whose load is not measured).
    /// </summary>
    public static async Task<BenchDatabase> CreateAsync(
        string serverConnectionString, BenchSchema schema, VolumePlan plan, int seed, CancellationToken cancellationToken, bool indexesAfterLoad = false)
    {
        var database = await ScratchDatabase.CreateAsync(serverConnectionString, "cmms_bench_" + schema.Key().ToLowerInvariant(), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await SchemaFactory.CreateAsync(schema, database.ConnectionString, cancellationToken).ConfigureAwait(false);
            var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await CheckpointAsync(connection, cancellationToken).ConfigureAwait(false);

            var deferred = indexesAfterLoad ? await DeferredIndexes.DropAsync(connection, cancellationToken).ConfigureAwait(false) : null;
            var load = await DataLoader.LoadAsync(connection, plan, seed, progress: null, cancellationToken).ConfigureAwait(false);
            if (deferred is not null)
            {
                await deferred.RebuildAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return new BenchDatabase(schema, database, connection, load);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Every load starts from a clean checkpoint, so no database's load pays for flushing the previous one's writes.
    // CHECKPOINT needs superuser or pg_checkpoint (PostgreSQL 15+); without either, loads simply start as they are.
    private static async Task CheckpointAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await Statements.ExecuteAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Not allowed to checkpoint: the load starts without one.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        await Database.DisposeAsync().ConfigureAwait(false);
    }
}
