namespace Cmms.Data.Bench.Benchmarks;

/// <summary>Scenario 1: <c>AddIndexes</c> applied while writer sessions keep writing, by plain EF Core and by Cmms.Data.</summary>
/// <param name="Writers">Writer sessions.</param>
/// <param name="PhaseSeconds">Seconds of writing measured before and after each migration.</param>
/// <param name="SampleIntervalMs">How often the writers' lock waits were sampled.</param>
/// <param name="Runs">Migrations per engine (rotated: each engine goes first in turn).</param>
/// <param name="Engines">Per engine, plain EF Core first.</param>
internal sealed record MigrationUnderLoadResult(int Writers, double PhaseSeconds, double SampleIntervalMs, int Runs, IReadOnlyList<MigrationUnderLoadEngine> Engines);

/// <summary>One engine's migrations under write load, all runs pooled.</summary>
/// <param name="Key">plainEfCore or cmmsData.</param>
/// <param name="Title">The label in the report.</param>
/// <param name="MigrationMs">Wall time of the migration.</param>
/// <param name="Before">Writer latency before the migrations started.</param>
/// <param name="During">Writer latency of statements started while a migration ran.</param>
/// <param name="After">Writer latency after the migrations ended.</param>
/// <param name="LockWaits">Lock waits of writer sessions seen by the sampler.</param>
/// <param name="LongestLockWaitMs">The longest of them (0 when none was seen).</param>
/// <param name="TotalLockWaitMs">Their sum.</param>
/// <param name="Timeline">The first run: the slowest writer statement started in each bin, seconds from the migration's start.</param>
/// <param name="TimelineMigrationSeconds">How long the migration of that first run took, in seconds.</param>
/// <param name="FailedMigrations">Migrations the server refused (MigrationMs counts them up to the failure).</param>
/// <param name="MigrationErrors">Their SQLSTATE and message, each once.</param>
internal sealed record MigrationUnderLoadEngine(
    string Key,
    string Title,
    Stats MigrationMs,
    WriterPhase Before,
    WriterPhase During,
    WriterPhase After,
    int LockWaits,
    double LongestLockWaitMs,
    double TotalLockWaitMs,
    IReadOnlyList<TimelinePoint> Timeline,
    double TimelineMigrationSeconds,
    int FailedMigrations,
    IReadOnlyList<string> MigrationErrors);

/// <summary>Writer statements in one phase: how many, how many failed, and their latency in milliseconds.</summary>
internal sealed record WriterPhase(int Statements, int Failed, double Median, double P99, double Max)
{
    public static WriterPhase Of(IReadOnlyCollection<WriterSample> samples)
    {
        if (samples.Count == 0)
        {
            return new WriterPhase(0, 0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Select(s => s.LatencyMs).Order().ToArray();
        var p99 = sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new WriterPhase(samples.Count, samples.Count(s => s.Failed), Stats.Of(sorted).Median, p99, sorted[^1]);
    }
}

/// <summary>A point of the writer-latency timeline: seconds from the migration's start, the slowest statement started in that bin (ms).</summary>
internal sealed record TimelinePoint(double Seconds, double MaxLatencyMs);

/// <summary>Scenario 3: how long <c>AddIndexes</c> takes on the loaded database, with nobody else writing.</summary>
/// <param name="Arms">Plain EF Core, Cmms.Data one build at a time and in parallel sessions, each with more maintenance_work_mem, plain EF Core's A/A control.</param>
/// <param name="ControlRatio">The A/A control: the median of the second plain EF Core series over the first.</param>
/// <param name="DefaultMaintenanceWorkMem">The server's maintenance_work_mem.</param>
/// <param name="RaisedMaintenanceWorkMem">What the raised arm set for its session.</param>
/// <param name="ParallelSessions">The sessions of the parallel arms.</param>
/// <param name="Cores">What the builds share: the machine's cores and the server's parallel maintenance workers.</param>
internal sealed record MigrationTimeResult(
    IReadOnlyList<MigrationTimeArm> Arms,
    double ControlRatio,
    string DefaultMaintenanceWorkMem,
    string RaisedMaintenanceWorkMem,
    int ParallelSessions,
    string Cores);

/// <summary>One way of applying <c>AddIndexes</c> and its wall time in milliseconds over the runs.</summary>
internal sealed record MigrationTimeArm(string Key, string Title, Stats Milliseconds);
