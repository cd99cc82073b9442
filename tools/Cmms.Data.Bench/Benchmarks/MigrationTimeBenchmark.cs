using Cmms.Data.Bench.Schemas;
using Npgsql;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Scenario 3. How long <c>AddIndexes</c> takes on the loaded database with nobody else connected: plain EF Core's
///     blocking builds, Cmms.Data's concurrent builds one at a time, the same on different tables in parallel sessions
///     (<c>ParallelIndexBuilds(n)</c>), each of the two also with <c>maintenance_work_mem</c> raised for the migrating
///     sessions; plain EF Core a second time as the A/A control. The arms take turns, each
///     going first in turn, and the database is migrated back down, untimed, after each.
/// </summary>
internal static class MigrationTimeBenchmark
{
    /// <summary>
    ///     What the raised arm gives each index build. Sorting a big table's keys in memory instead of in temporary
    ///     files is what speeds a build up (https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-MAINTENANCE-WORK-MEM).
    /// </summary>
    public const string RaisedMaintenanceWorkMem = "1GB";

    private static Arm[] ArmsFor(int sessions) =>
    [
        new("plainEfCore", "plain EF Core (blocking builds in one transaction)", MigrationEngine.PlainEfCore, 1, RaisedMemory: false),
        new("cmmsData", "Cmms.Data (concurrent builds, one at a time)", MigrationEngine.CmmsData, 1, RaisedMemory: false),
        new("cmmsDataMoreMemory", Invariant($"Cmms.Data, maintenance_work_mem={RaisedMaintenanceWorkMem}"), MigrationEngine.CmmsData, 1, RaisedMemory: true),
        new("cmmsDataParallel", Invariant($"Cmms.Data, {sessions} parallel build sessions"), MigrationEngine.CmmsData, sessions, RaisedMemory: false),
        new(
            "cmmsDataParallelMoreMemory",
            Invariant($"Cmms.Data, {sessions} parallel build sessions, maintenance_work_mem={RaisedMaintenanceWorkMem} each"),
            MigrationEngine.CmmsData,
            sessions,
            RaisedMemory: true),
        new("plainEfCoreControl", "plain EF Core again (A/A control)", MigrationEngine.PlainEfCore, 1, RaisedMemory: false),
    ];

    public static async Task<MigrationTimeResult> RunAsync(
        MigrationScenarioDatabase database, int runs, int parallelIndexBuilds, TextWriter progress, CancellationToken cancellationToken)
    {
        var arms = ArmsFor(parallelIndexBuilds);
        var times = arms.ToDictionary(a => a.Key, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var arm in RunOrder.Rotate(arms, run))
            {
                var connectionString = arm.RaisedMemory
                    ? new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c maintenance_work_mem=" + RaisedMaintenanceWorkMem }.ConnectionString
                    : database.ConnectionString;
                // The parallel sessions are clones of the migrating connection, so they inherit its maintenance_work_mem.
                var elapsed = await MigrationApplier.MigrateAsync(connectionString, arm.Engine, arm.Sessions, targetMigration: null, cancellationToken)
                    .ConfigureAwait(false);
                times[arm.Key].Add(elapsed.TotalMilliseconds);
                await progress.WriteLineAsync(Invariant($"  {arm.Key,-20} {elapsed.TotalMilliseconds:F0} ms")).ConfigureAwait(false);
                await database.ResetAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var stats = arms.Select(a => new MigrationTimeArm(a.Key, a.Title, Stats.Of(times[a.Key]))).ToList();
        return new MigrationTimeResult(
            stats,
            stats.Single(a => a.Key == "plainEfCoreControl").Milliseconds.Median / stats.Single(a => a.Key == "plainEfCore").Milliseconds.Median,
            await ShowAsync(database, "maintenance_work_mem", cancellationToken).ConfigureAwait(false),
            RaisedMaintenanceWorkMem,
            parallelIndexBuilds,
            // What the parallel arms compete for: the cores (of the machine the benchmark runs on, the server's when it is
            // local) and the server's parallel workers.
            Invariant($"{Environment.ProcessorCount} cores on the benchmark's machine, max_parallel_maintenance_workers={await ShowAsync(database, "max_parallel_maintenance_workers", cancellationToken).ConfigureAwait(false)}"));
    }

    // A server setting as SHOW prints it; setting is one of the fixed names above, never user input.
    private static async Task<string> ShowAsync(MigrationScenarioDatabase database, string setting, CancellationToken cancellationToken)
    {
        await using var connection = await database.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await show.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private sealed record Arm(string Key, string Title, MigrationEngine Engine, int Sessions, bool RaisedMemory);
}
