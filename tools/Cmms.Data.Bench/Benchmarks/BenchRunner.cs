using System.Diagnostics;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;
using Npgsql;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Runs the whole benchmark on one server: migration timing on empty databases; the three schemas side by side
///     with the same data (index sizes, reads of the catalog, write cost, parent deletes); parent deletes at the other
///     scales asked for; <c>AddIndexes</c> on a loaded database, alone and under write load, by plain EF Core and by
///     Cmms.Data; whole-process start-up; then the targets. Every database it creates is dropped at the end, also on
///     failure.
/// </summary>
internal static class BenchRunner
{
    public static async Task<BenchResults> RunAsync(
        string serverConnectionString, BenchSettings settings, StartupTools startupTools, TextWriter progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var date = DateTime.UtcNow;
        MachineInfo machine;
        await using (var server = new NpgsqlConnection(serverConnectionString))
        {
            await server.OpenAsync(cancellationToken).ConfigureAwait(false);
            machine = await MachineInfo.ReadAsync(server, cancellationToken).ConfigureAwait(false);
        }

        var plan = VolumePlan.For(settings.Scale);
        await progress.WriteLineAsync($"cmms-bench: bench at {plan}, {machine.Cores} cores, PostgreSQL {machine.PostgresVersion}").ConfigureAwait(false);
        await progress.WriteLineAsync(Invariant($"cmms-bench: timing migrations on {settings.MigrationSamples} empty databases")).ConfigureAwait(false);
        var migrations = await MigrationBenchmark.RunAsync(serverConnectionString, settings.MigrationSamples, cancellationToken).ConfigureAwait(false);

        var side = await SideBySideBenchmark.RunAsync(serverConnectionString, settings, progress, cancellationToken).ConfigureAwait(false);
        var deletes = side.ParentDeletes.ToList();
        foreach (var scale in settings.DeleteScales.Where(s => s != settings.Scale))
        {
            await progress.WriteLineAsync(Invariant($"cmms-bench: parent deletes at scale {scale}: building (b) and (c)")).ConfigureAwait(false);
            deletes.AddRange(await ParentDeletesAtAsync(serverConnectionString, scale, settings, progress, cancellationToken).ConfigureAwait(false));
        }

        MigrationTimeResult migrationTime;
        MigrationUnderLoadResult underLoad;
        await progress.WriteLineAsync("cmms-bench: loading a database at InitialSchema for the AddIndexes scenarios").ConfigureAwait(false);
        await using (var database = await MigrationScenarioDatabase.CreateAsync(serverConnectionString, plan, settings.Seed, cancellationToken).ConfigureAwait(false))
        {
            await progress.WriteLineAsync(Invariant($"cmms-bench: AddIndexes alone, {settings.MigrationTimeRuns} runs per arm")).ConfigureAwait(false);
            migrationTime = await MigrationTimeBenchmark.RunAsync(database, settings.MigrationTimeRuns, settings.ParallelIndexBuilds, progress, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync(Invariant($"cmms-bench: AddIndexes under {settings.Writers} writer sessions, {settings.MigrationLoadRuns} runs per engine")).ConfigureAwait(false);
            underLoad = await MigrationUnderLoadBenchmark.RunAsync(database, plan, settings, progress, cancellationToken).ConfigureAwait(false);
        }

        await progress.WriteLineAsync("cmms-bench: start-up of no-op commands").ConfigureAwait(false);
        var startup = await StartupBenchmark.RunAsync(serverConnectionString, startupTools, settings.StartupRuns, progress, cancellationToken).ConfigureAwait(false);

        var targets = TargetJudge.Judge(settings.Scale, side.Queries, side.Writes, side.Schemas)
            .Concat(ScenarioTargetJudge.Judge(underLoad, deletes, migrationTime))
            .ToList();
        return new BenchResults(
            date, settings.Scale, settings.Seed, settings, machine, MachineInfo.ReadLoadAverage(), Math.Round(watch.Elapsed.TotalSeconds, 1),
            side.Schemas, side.Queries, side.Writes, migrations, underLoad, deletes, migrationTime, startup, targets);
    }

    private static async Task<IReadOnlyList<ParentDeleteResult>> ParentDeletesAtAsync(
        string serverConnectionString, double scale, BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var plan = VolumePlan.For(scale);
        // Only the deletes are measured on these databases, so they are loaded with their secondary indexes built afterwards.
        await using var asDeclared = await BenchDatabase.CreateAsync(
            serverConnectionString, BenchSchema.AsDeclared, plan, settings.Seed, cancellationToken, indexesAfterLoad: true).ConfigureAwait(false);
        await using var cmmsData = await BenchDatabase.CreateAsync(
            serverConnectionString, BenchSchema.CmmsData, plan, settings.Seed, cancellationToken, indexesAfterLoad: true).ConfigureAwait(false);
        return await ParentDeleteBenchmark.RunAsync(scale, asDeclared, cmmsData, settings, progress, cancellationToken).ConfigureAwait(false);
    }
}
