using System.Diagnostics;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Scenario 1. Writer sessions write without pause; after a warm-up and a measured stretch before, <c>AddIndexes</c>
///     is applied by plain EF Core or by Cmms.Data (taking turns which goes first), then a measured stretch after.
///     The writers' latency per phase, their failed statements and their lock waits (sampled apart from CPU and I/O
///     contention) are kept, and the database is migrated back down, untimed, between runs.
/// </summary>
internal static class MigrationUnderLoadBenchmark
{
    /// <summary>The writers' first statements (new sessions, cold caches) are not measured.</summary>
    private const double WarmupSeconds = 0.5;

    private const double TimelineBinSeconds = 0.1;

    // Above the sequence numbers the write benchmark uses, so no INSERT repeats a value a measurement wrote before.
    private const int FirstSequenceNumber = 10_000_000;

    public static IReadOnlyList<MigrationEngine> Engines { get; } = [MigrationEngine.PlainEfCore, MigrationEngine.CmmsData];

    public static async Task<MigrationUnderLoadResult> RunAsync(
        MigrationScenarioDatabase database, VolumePlan plan, BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var statements = WriteStatements.For(plan).Where(s => WriterLoad.Tables.Contains(s.Table)).ToList();
        var sequence = new WriteSequence(FirstSequenceNumber);
        var runs = Engines.ToDictionary(e => e, _ => new List<Run>());
        for (var run = 0; run < settings.MigrationLoadRuns; run++)
        {
            foreach (var engine in RunOrder.Rotate(Engines, run))
            {
                var measured = await RunOnceAsync(database, engine, statements, sequence, settings, cancellationToken).ConfigureAwait(false);
                runs[engine].Add(measured);
                await progress.WriteLineAsync(Invariant(
                    $"  {engine.Title(),-14} migration {measured.MigrationSeconds * 1000:F0} ms{(measured.Failure is null ? string.Empty : " FAILED (" + measured.Failure + ")")}, {measured.Samples.Count:N0} writes, longest lock wait {(measured.Waits.Count == 0 ? 0 : measured.Waits[0].Milliseconds):F0} ms")).ConfigureAwait(false);
                await database.ResetAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return new MigrationUnderLoadResult(
            settings.Writers,
            settings.PhaseSeconds,
            LockWaitSampler.Interval.TotalMilliseconds,
            settings.MigrationLoadRuns,
            Engines.Select(e => Summarize(e, runs[e])).ToList());
    }

    private static async Task<Run> RunOnceAsync(
        MigrationScenarioDatabase database,
        MigrationEngine engine,
        IReadOnlyList<WriteStatement> statements,
        WriteSequence sequence,
        BenchSettings settings,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var sampler = await LockWaitSampler.StartAsync(database.ConnectionString, WriterLoad.ApplicationName, cancellationToken).ConfigureAwait(false);
        await using var writers = await WriterLoad.StartAsync(database.ConnectionString, statements, settings.Writers, sequence, clock, cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(WarmupSeconds + settings.PhaseSeconds), cancellationToken).ConfigureAwait(false);
        var migrationStart = clock.Elapsed.TotalSeconds;
        var failure = await MigrationFailure.OfAsync(
            () => MigrationApplier.MigrateAsync(database.ConnectionString, engine, targetMigration: null, cancellationToken)).ConfigureAwait(false);
        var migrationEnd = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(settings.PhaseSeconds), cancellationToken).ConfigureAwait(false);
        var samples = await writers.StopAsync().ConfigureAwait(false);
        var (waits, _) = await sampler.StopAsync().ConfigureAwait(false);
        return new Run(samples.Where(s => s.StartSeconds >= WarmupSeconds).ToList(), waits, migrationStart, migrationEnd, failure);
    }

    private static MigrationUnderLoadEngine Summarize(MigrationEngine engine, IReadOnlyList<Run> runs)
    {
        var before = runs.SelectMany(r => r.Samples.Where(s => s.StartSeconds < r.MigrationStart)).ToList();
        var during = runs.SelectMany(r => r.Samples.Where(s => s.StartSeconds >= r.MigrationStart && s.StartSeconds < r.MigrationEnd)).ToList();
        var after = runs.SelectMany(r => r.Samples.Where(s => s.StartSeconds >= r.MigrationEnd)).ToList();
        var waits = runs.SelectMany(r => r.Waits).ToList();
        var first = runs[0];
        return new MigrationUnderLoadEngine(
            engine.Key(),
            engine.Title(),
            Stats.Of(runs.Select(r => r.MigrationSeconds * 1000).ToList()),
            WriterPhase.Of(before),
            WriterPhase.Of(during),
            WriterPhase.Of(after),
            waits.Count,
            waits.Count == 0 ? 0 : waits.Max(w => w.Milliseconds),
            waits.Sum(w => w.Milliseconds),
            Timeline(first),
            first.MigrationSeconds,
            runs.Count(r => r.Failure is not null),
            runs.Select(r => r.Failure).OfType<string>().Distinct().ToList());
    }

    private static List<TimelinePoint> Timeline(Run run) => run.Samples
        .GroupBy(s => Math.Floor((s.StartSeconds - run.MigrationStart) / TimelineBinSeconds))
        .OrderBy(g => g.Key)
        .Select(g => new TimelinePoint(Math.Round(g.Key * TimelineBinSeconds, 3), g.Max(s => s.LatencyMs)))
        .ToList();

    private sealed record Run(IReadOnlyList<WriterSample> Samples, IReadOnlyList<LockWait> Waits, double MigrationStart, double MigrationEnd, string? Failure)
    {
        public double MigrationSeconds => MigrationEnd - MigrationStart;
    }
}
