using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Judges the targets of the scenarios only Cmms.Data addresses (writes during a migration, unindexed foreign
///     keys, migration time) on one run's measurements, and says from the data why one does not hold. Thresholds are
///     the issue's; nothing here adapts them to the results.
/// </summary>
internal static class ScenarioTargetJudge
{
    private const double LockWaitLimitMs = 100;
    private const double LockWaitRatioTarget = 20;
    private const double P99GrowthLimit = 2;
    private const double DeleteRatioTarget = 100;
    private const double MigrationTimeRatioLimit = 1.0;

    public static IReadOnlyList<TargetResult> Judge(MigrationUnderLoadResult underLoad, IReadOnlyList<ParentDeleteResult> deletes, MigrationTimeResult migrationTime)
        => [.. UnderLoad(underLoad), .. Deletes(deletes), MigrationTime(migrationTime), ParallelMigrationTime(migrationTime)];

    private static IEnumerable<TargetResult> UnderLoad(MigrationUnderLoadResult result)
    {
        var samplingIntervalMs = result.SampleIntervalMs;
        var plain = result.Engines.Single(e => e.Key == "plainEfCore");
        var cmms = result.Engines.Single(e => e.Key == "cmmsData");
        var failed = cmms.Before.Failed + cmms.During.Failed + cmms.After.Failed;
        var runs = Invariant($"over {result.Runs} migrations under {result.Writers} writer sessions");
        yield return new TargetResult(
            "with Cmms.Data no write fails during the migration",
            "0 failed writer statements",
            Invariant($"{failed} failed of {cmms.Before.Statements + cmms.During.Statements + cmms.After.Statements:N0} (plain EF Core: {plain.Before.Failed + plain.During.Failed + plain.After.Failed})"),
            failed == 0,
            Invariant($"Every statement of the writers is counted, {runs}. ")
            + (plain.FailedMigrations > 0
                ? Invariant($"Plain EF Core's migration itself failed {plain.FailedMigrations} of {result.Runs} times ({string.Join("; ", plain.MigrationErrors)}): its DROP INDEX and CREATE INDEX hold ACCESS EXCLUSIVE and SHARE locks to the end of the transaction, and a writer's foreign-key check can wait on one table while holding another. ")
                : string.Empty)
            + (cmms.FailedMigrations > 0 ? Invariant($"Cmms.Data's migration failed {cmms.FailedMigrations} of {result.Runs} times: {string.Join("; ", cmms.MigrationErrors)}.") : string.Empty));

        yield return new TargetResult(
            "with Cmms.Data no writer waits on a lock longer than 100 ms",
            Invariant($"longest lock wait <= {LockWaitLimitMs:F0} ms"),
            Invariant($"{cmms.LongestLockWaitMs:F0} ms ({cmms.LockWaits} waits seen; plain EF Core {plain.LongestLockWaitMs:F0} ms, {plain.LockWaits} waits)"),
            cmms.LongestLockWaitMs <= LockWaitLimitMs,
            Invariant($"pg_locks of the writer sessions sampled every {samplingIntervalMs:F0} ms {runs}; a wait is seen up to one interval late, so waits shorter than that can be missed."));

        // No wait seen means one shorter than the sampling interval at most; the ratio is taken against that bound.
        var floor = Math.Max(cmms.LongestLockWaitMs, samplingIntervalMs);
        var ratio = plain.LongestLockWaitMs / floor;
        yield return new TargetResult(
            "longest writer lock wait, plain EF Core / Cmms.Data",
            Invariant($">= {LockWaitRatioTarget:F0}x"),
            Invariant($"{ratio:F1}x ({plain.LongestLockWaitMs:F0} ms / {floor:F0} ms)"),
            ratio >= LockWaitRatioTarget,
            (cmms.LongestLockWaitMs < samplingIntervalMs ? Invariant($"Cmms.Data's writers were not seen waiting longer than the {samplingIntervalMs:F0} ms sampling interval, so the ratio is taken against that interval (a lower bound). ") : string.Empty)
            + Invariant($"Plain EF Core builds every index with CREATE INDEX inside its migration transaction, which holds a SHARE lock on each table until the commit, so writers queue for the rest of the migration ({plain.MigrationMs.Median:F0} ms median)."));

        var growth = cmms.During.P99 / cmms.Before.P99;
        yield return new TargetResult(
            "with Cmms.Data writer p99 during the migration <= 2x p99 before",
            Invariant($"<= {P99GrowthLimit:F0}x"),
            Invariant($"{growth:F2}x ({cmms.During.P99:F1} ms vs {cmms.Before.P99:F1} ms; plain EF Core {plain.During.P99 / plain.Before.P99:F1}x)"),
            growth <= P99GrowthLimit,
            Invariant($"The A/A control is the p99 before the migration measured in both arms: plain EF Core {plain.Before.P99:F1} ms, Cmms.Data {cmms.Before.P99:F1} ms ({plain.Before.P99 / cmms.Before.P99:F2}x). ")
            + "What grows without lock waits is CPU and I/O contention: the concurrent builds read the tables and sort on the same cores the writers and the server use.");
    }

    private static IEnumerable<TargetResult> Deletes(IReadOnlyList<ParentDeleteResult> deletes)
    {
        var byScale = deletes.GroupBy(d => d.Scale).OrderBy(g => g.Key).Select(g => (Scale: g.Key, Ratio: g.Min(d => d.Ratio), Rows: g.ToList())).ToList();
        var detail = string.Join("; ", deletes.OrderBy(d => d.Scale).Select(d => Invariant(
            $"scale {d.Scale} {d.Table}: (b) {d.AsDeclared.Median:F3} ms, (c) {d.CmmsData.Median:F3} ms, {d.Ratio:F1}x, A/A {d.ControlRatio:F2}; the unindexed keys' checks alone {d.CheckAsDeclared.Median:F3} vs {d.CheckCmmsData.Median:F3} ms, {d.CheckRatio:F1}x ({d.ChildRows:N0} child rows)")))
            + ". The whole delete also pays for the checks of every other foreign key to the parent, indexed in both schemas, so its ratio stays below the ratio of the unindexed keys' checks";
        var atOne = byScale.Where(s => s.Scale == 1.0).Select(s => (double?)s.Ratio).SingleOrDefault();
        yield return new TargetResult(
            "deleting a parent row, (b)/(c) at scale 1",
            Invariant($">= {DeleteRatioTarget:F0}x"),
            atOne is { } r ? Invariant($"{r:F1}x") : Invariant($"scale 1 not measured (scales {string.Join(", ", byScale.Select(s => s.Scale))})"),
            atOne >= DeleteRatioTarget,
            detail + ".");

        var grows = byScale.Count >= 2 && byScale.Zip(byScale.Skip(1)).All(p => p.Second.Ratio > p.First.Ratio);
        yield return new TargetResult(
            "deleting a parent row: (b)/(c) grows with scale",
            "ratio rises from each measured scale to the next",
            byScale.Count < 2 ? "one scale measured" : string.Join(" -> ", byScale.Select(s => Invariant($"{s.Ratio:F1}x at {s.Scale}"))),
            grows,
            "In (b) PostgreSQL's foreign-key check scans the child table for every deleted parent, so its cost grows with the table; in (c) it probes an index.");
    }

    private static TargetResult MigrationTime(MigrationTimeResult result)
    {
        var plain = result.Arms.Single(a => a.Key == "plainEfCore").Milliseconds.Median;
        var cmms = result.Arms.Single(a => a.Key == "cmmsData").Milliseconds.Median;
        var memory = result.Arms.Single(a => a.Key == "cmmsDataMoreMemory").Milliseconds.Median;
        var ratio = cmms / plain;
        return new TargetResult(
            "Cmms.Data's lock-free AddIndexes vs plain EF Core's blocking one (wall time)",
            Invariant($"<= {MigrationTimeRatioLimit:F1}"),
            Invariant($"{ratio:F2} ({cmms:F0} vs {plain:F0} ms; with maintenance_work_mem={result.RaisedMaintenanceWorkMem} {memory / plain:F2}; A/A {result.ControlRatio:F2})"),
            ratio <= MigrationTimeRatioLimit,
            (ratio > MigrationTimeRatioLimit
                ? "A concurrent build scans the table twice and waits for the transactions that started before it (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY), and Cmms.Data builds one index after another, each in its own statement, where plain EF Core runs them back to back in one transaction. "
                : "Cmms.Data's concurrent builds, one after another, finished within plain EF Core's blocking ones. ")
            + Invariant($"The parallel arm is judged on its own ({result.ParallelSessions} sessions)."));
    }

    // The same target for the parallel arms: builds on different tables share the server's cores and disks, so on a
    // machine without idle cores they cannot finish sooner than one after another.
    private static TargetResult ParallelMigrationTime(MigrationTimeResult result)
    {
        var plain = result.Arms.Single(a => a.Key == "plainEfCore").Milliseconds.Median;
        var sequential = result.Arms.Single(a => a.Key == "cmmsData").Milliseconds.Median;
        var parallel = result.Arms.Single(a => a.Key == "cmmsDataParallel").Milliseconds.Median;
        var memory = result.Arms.Single(a => a.Key == "cmmsDataParallelMoreMemory").Milliseconds.Median;
        var ratio = parallel / plain;
        return new TargetResult(
            Invariant($"Cmms.Data's lock-free AddIndexes in {result.ParallelSessions} parallel build sessions vs plain EF Core's blocking one (wall time)"),
            Invariant($"<= {MigrationTimeRatioLimit:F1}"),
            Invariant($"{ratio:F2} ({parallel:F0} vs {plain:F0} ms; with maintenance_work_mem={result.RaisedMaintenanceWorkMem} {memory / plain:F2}; one session {sequential / plain:F2}; A/A {result.ControlRatio:F2})"),
            ratio <= MigrationTimeRatioLimit,
            Invariant($"Parallel sessions build the indexes of different tables at once; each scans its table twice as before. ")
            + (parallel < sequential
                ? Invariant($"They finished {sequential / parallel:F2}x sooner than one session on {result.Cores}.")
                : Invariant($"They did not finish sooner than one session ({parallel / sequential:F2}x its time) on {result.Cores}: the builds compete for the same cores and disk."))
            + (ratio > MigrationTimeRatioLimit
                ? " Plain EF Core's blocking builds skip the second scan and the waits for older transactions."
                : string.Empty));
    }
}
