using Cmms.Data.Bench.Schemas;
using Npgsql;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Scenario 3. How long <c>AddIndexes</c> takes on the loaded database with nobody else connected: plain EF Core's
///     blocking builds, Cmms.Data's concurrent builds one at a time, and the same with <c>maintenance_work_mem</c>
///     raised for the migrating session; plain EF Core a second time as the A/A control. The arms take turns, each
///     going first in turn, and the database is migrated back down, untimed, after each.
/// </summary>
internal static class MigrationTimeBenchmark
{
    /// <summary>
    ///     What the raised arm gives each index build. Sorting a big table's keys in memory instead of in temporary
    ///     files is what speeds a build up (https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-MAINTENANCE-WORK-MEM).
    /// </summary>
    public const string RaisedMaintenanceWorkMem = "1GB";

    private static readonly Arm[] Arms =
    [
        new("plainEfCore", "plain EF Core (blocking builds in one transaction)", MigrationEngine.PlainEfCore, RaisedMemory: false),
        new("cmmsData", "Cmms.Data (concurrent builds, one at a time)", MigrationEngine.CmmsData, RaisedMemory: false),
        new("cmmsDataMoreMemory", Invariant($"Cmms.Data, maintenance_work_mem={RaisedMaintenanceWorkMem}"), MigrationEngine.CmmsData, RaisedMemory: true),
        new("plainEfCoreControl", "plain EF Core again (A/A control)", MigrationEngine.PlainEfCore, RaisedMemory: false),
    ];

    public static async Task<MigrationTimeResult> RunAsync(MigrationScenarioDatabase database, int runs, TextWriter progress, CancellationToken cancellationToken)
    {
        var times = Arms.ToDictionary(a => a.Key, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var arm in RunOrder.Rotate(Arms, run))
            {
                var connectionString = arm.RaisedMemory
                    ? new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c maintenance_work_mem=" + RaisedMaintenanceWorkMem }.ConnectionString
                    : database.ConnectionString;
                var elapsed = await MigrationApplier.MigrateAsync(connectionString, arm.Engine, targetMigration: null, cancellationToken).ConfigureAwait(false);
                times[arm.Key].Add(elapsed.TotalMilliseconds);
                await progress.WriteLineAsync(Invariant($"  {arm.Key,-20} {elapsed.TotalMilliseconds:F0} ms")).ConfigureAwait(false);
                await database.ResetAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var stats = Arms.Select(a => new MigrationTimeArm(a.Key, a.Title, Stats.Of(times[a.Key]))).ToList();
        return new MigrationTimeResult(
            stats,
            stats[3].Milliseconds.Median / stats[0].Milliseconds.Median,
            await DefaultMaintenanceWorkMemAsync(database, cancellationToken).ConfigureAwait(false),
            RaisedMaintenanceWorkMem,
            ["Cmms.Data with concurrent builds on different tables in parallel sessions (--parallel-index-builds N): the migration engine on this branch has no such option (it belongs to the engine, issue 11), so that arm is not measured."]);
    }

    private static async Task<string> DefaultMaintenanceWorkMemAsync(MigrationScenarioDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var show = new NpgsqlCommand("SHOW maintenance_work_mem", connection);
        return (string)(await show.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private sealed record Arm(string Key, string Title, MigrationEngine Engine, bool RaisedMemory);
}
