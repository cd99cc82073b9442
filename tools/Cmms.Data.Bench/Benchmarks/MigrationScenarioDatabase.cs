using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     The database the migration scenarios run on: the generated data loaded at <c>InitialSchema</c>, so that
///     <c>AddIndexes</c> (every index the schema adds and drops) is what is left to apply. After every measured
///     migration it is migrated back down, untimed, so every arm starts from the same state.
/// </summary>
internal sealed class MigrationScenarioDatabase : IAsyncDisposable
{
    private MigrationScenarioDatabase(ScratchDatabase database, LoadReport load)
    {
        Database = database;
        Load = load;
    }

    public ScratchDatabase Database { get; }

    public LoadReport Load { get; }

    public string ConnectionString => Database.ConnectionString;

    public static async Task<MigrationScenarioDatabase> CreateAsync(string serverConnectionString, VolumePlan plan, int seed, CancellationToken cancellationToken)
    {
        var database = await ScratchDatabase.CreateAsync(serverConnectionString, "cmms_bench_migration", cancellationToken).ConfigureAwait(false);
        try
        {
            await MigrationApplier.MigrateAsync(database.ConnectionString, MigrationEngine.CmmsData, MigrationApplier.InitialSchema, cancellationToken).ConfigureAwait(false);
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var load = await DataLoader.LoadAsync(connection, plan, seed, progress: null, cancellationToken).ConfigureAwait(false);
            return new MigrationScenarioDatabase(database, load);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Migrates back to <c>InitialSchema</c> and vacuums, so the next arm finds what the previous one found.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await MigrationApplier.MigrateAsync(ConnectionString, MigrationEngine.PlainEfCore, MigrationApplier.InitialSchema, cancellationToken).ConfigureAwait(false);
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Statements.ExecuteAsync(connection, "VACUUM (ANALYZE)", cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
