using Cmms.Data.Bench.Schemas;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Times applying all migrations to an empty database, then applying them again with nothing to do (the check a
///     deployment makes on every start), on several fresh databases.
/// </summary>
internal static class MigrationBenchmark
{
    public static async Task<MigrationResult> RunAsync(string serverConnectionString, int samples, CancellationToken cancellationToken)
    {
        List<double> apply = [], rerun = [];
        for (var i = 0; i < samples; i++)
        {
            await using var database = await ScratchDatabase.CreateAsync(serverConnectionString, "cmms_bench_migrate", cancellationToken).ConfigureAwait(false);
            apply.Add((await MigrationApplier.MigrateAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false)).TotalMilliseconds);
            rerun.Add((await MigrationApplier.MigrateAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false)).TotalMilliseconds);
        }

        return new MigrationResult(Stats.Of(apply), Stats.Of(rerun));
    }
}
