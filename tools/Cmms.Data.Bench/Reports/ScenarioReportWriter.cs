using System.Globalization;
using System.Text;
using Cmms.Data.Bench.Benchmarks;

namespace Cmms.Data.Bench.Reports;

/// <summary>The report's sections on the scenarios only Cmms.Data addresses, each beside plain EF Core doing the same job.</summary>
internal static class ScenarioReportWriter
{
    public static void Write(StringBuilder text, BenchResults results)
    {
        MigrationUnderLoad(text, results.MigrationUnderLoad);
        ParentDeletes(text, results.ParentDeletes);
        MigrationTime(text, results.MigrationTime);
        Startup(text, results.Startup);
    }

    private static void MigrationUnderLoad(StringBuilder text, MigrationUnderLoadResult r)
    {
        Line(text, $"## 1. AddIndexes under write load");
        Line(text);
        Line(text, $"![Writer latency over time during the migration, plain EF Core and Cmms.Data]({TimelineChartWriter.FileName})");
        Line(text);
        Line(text, $"{r.Writers} writer sessions insert into and update orders, user_activity_logs, api_request_logs and guests without pause (autocommit, one statement at a time) for {r.PhaseSeconds:0.#} s, then `AddIndexes` is applied with `context.Database.MigrateAsync()`, then they write {r.PhaseSeconds:0.#} s more. Plain EF Core: the same model and migrations without `UseSafeMigrations()`, so `CREATE INDEX` / `DROP INDEX` in the migration's transaction. Cmms.Data: `UseCmmsData` (with `UseSafeMigrations()`). {r.Runs} migrations per engine, taking turns which goes first; migrated back down, untimed, after each. Lock waits: `pg_locks` of the writer sessions (not granted, with their `waitstart`) sampled every {r.SampleIntervalMs:F0} ms from a separate session, which tells waiting on a lock apart from waiting for CPU or disk. Latency in ms; statements counted in the phase in which they started.");
        Line(text);
        Line(text, $"| engine | migration median (p95) | migrations failed | before: median / p99 / max | during: median / p99 / max | after: median / p99 / max | statements (during) | failed statements | lock waits | longest lock wait | lock wait total |");
        Line(text, $"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var e in r.Engines)
        {
            Line(text, $"| {e.Title} | {e.MigrationMs.Median:F0} ms ({e.MigrationMs.P95:F0}) | {e.FailedMigrations} of {r.Runs} | {Phase(e.Before)} | {Phase(e.During)} | {Phase(e.After)} | {e.Before.Statements + e.During.Statements + e.After.Statements:N0} ({e.During.Statements:N0}) | {e.Before.Failed + e.During.Failed + e.After.Failed} | {e.LockWaits} | {e.LongestLockWaitMs:F0} ms | {e.TotalLockWaitMs:F0} ms |");
        }

        Line(text);
        foreach (var e in r.Engines.Where(e => e.FailedMigrations > 0))
        {
            Line(text, $"- {e.Title}'s migration failed {e.FailedMigrations} of {r.Runs} times: {string.Join("; ", e.MigrationErrors)}. Its time counts up to the failure; the transaction rolled back and nothing was applied.");
        }

        Line(text);
        Line(text, $"A/A control: the writers before the migration are the same job in both arms; their p99 differs by {r.Engines[0].Before.P99 / r.Engines[1].Before.P99:F2}x between the arms.");
        Line(text);
    }

    private static void ParentDeletes(StringBuilder text, IReadOnlyList<ParentDeleteResult> deletes)
    {
        Line(text, $"## 2. Deleting a parent row (or updating its key) where EF Core leaves the foreign key unindexed");
        Line(text);
        Line(text, $"The foreign keys below are found from the models: in (b) an index leads with their columns, so EF Core's convention creates none, but that index is partial or GIN and PostgreSQL's foreign-key check cannot use it. Each run deletes a parent row nothing references (a fresh copy of a row), and updates its key to one nobody has, each in a transaction that is rolled back; (b), (c) and an A/A control session on (b) take turns. Client round trip in ms, median / p95.");
        Line(text);
        foreach (var fk in deletes.SelectMany(d => d.ForeignKeys).Distinct())
        {
            Line(text, $"- {fk}");
        }

        Line(text);
        Line(text, $"| scale | parent | rows in the child tables | delete (b) as declared | delete (c) Cmms.Data | (b)/(c) | A/A | check of those keys (b) | (c) | (b)/(c) | key update (b) | (c) | (b)/(c) |");
        Line(text, $"|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var d in deletes.OrderBy(d => d.Scale))
        {
            Line(text, $"| {d.Scale} | {d.Table} | {d.ChildRows:N0} | {d.AsDeclared.Median:F3} / {d.AsDeclared.P95:F3} | {d.CmmsData.Median:F3} / {d.CmmsData.P95:F3} | {d.Ratio:F1}x | {d.ControlRatio:F2} | {d.CheckAsDeclared.Median:F3} | {d.CheckCmmsData.Median:F3} | {d.CheckRatio:F1}x | {d.KeyUpdateAsDeclared.Median:F3} / {d.KeyUpdateAsDeclared.P95:F3} | {d.KeyUpdateCmmsData.Median:F3} / {d.KeyUpdateCmmsData.P95:F3} | {d.KeyUpdateRatio:F1}x |");
        }

        Line(text);
        Line(text, $"The delete's time includes the checks of every foreign key that references the parent (most of them indexed in both schemas); \"check of those keys\" is the server time of the triggers of the unindexed keys alone, from `EXPLAIN (ANALYZE)` of the same delete, rolled back.");

        Line(text);
    }

    private static void MigrationTime(StringBuilder text, MigrationTimeResult r)
    {
        Line(text, $"## 3. AddIndexes on the loaded database, nobody else writing");
        Line(text);
        Line(text, $"Wall time of `context.Database.MigrateAsync()` applying `AddIndexes`; the arms take turns, each going first in turn; migrated back down, untimed, after each. Server maintenance_work_mem {r.DefaultMaintenanceWorkMem}; the raised arms set {r.RaisedMaintenanceWorkMem} for each migrating session. The parallel arms build on different tables in {r.ParallelSessions} sessions (`ParallelIndexBuilds({r.ParallelSessions})`, `cmms-db migrate --parallel-index-builds {r.ParallelSessions}`); {r.Cores}.");
        Line(text);
        Line(text, $"| arm | median | p95 | runs | vs plain EF Core |");
        Line(text, $"|---|---:|---:|---:|---:|");
        var plain = r.Arms[0].Milliseconds.Median;
        foreach (var a in r.Arms)
        {
            Line(text, $"| {a.Title} | {a.Milliseconds.Median:F0} ms | {a.Milliseconds.P95:F0} ms | {a.Milliseconds.Runs} | {a.Milliseconds.Median / plain:F2} |");
        }

        Line(text);
    }

    private static void Startup(StringBuilder text, StartupResult r)
    {
        Line(text, $"## 4. Start-up: whole-process no-op commands on an up-to-date database");
        Line(text);
        if (r.Commands.Count > 0)
        {
            Line(text, $"{r.Tool} (1 warm-up run, no shell); the connection string is passed in CMMS_DB_CONNECTION. Wall time in ms.");
            Line(text);
            Line(text, $"| command | median | p95 | fastest | runs |");
            Line(text, $"|---|---:|---:|---:|---:|");
            foreach (var c in r.Commands)
            {
                Line(text, $"| `{c.Title}` | {c.Milliseconds.Median:F0} | {c.Milliseconds.P95:F0} | {c.Milliseconds.Min:F0} | {c.Milliseconds.Runs} |");
            }

            Line(text);
        }

        foreach (var missing in r.NotMeasured)
        {
            Line(text, $"- Not measured: {missing}.");
        }

        Line(text);
    }

    private static string Phase(WriterPhase phase) => string.Create(CultureInfo.InvariantCulture, $"{phase.Median:F2} / {phase.P99:F1} / {phase.Max:F0}");

    private static void Line(StringBuilder text, FormattableString? line = null)
        => text.AppendLine(line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
}
