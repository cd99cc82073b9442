using System.Globalization;
using System.Text;
using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.Bench.Schemas;

namespace Cmms.Data.Bench.Reports;

/// <summary>Writes <c>report.md</c>: the run's context, the targets with their verdicts, and every measurement as tables.</summary>
internal static class BenchReportWriter
{
    public const string FileName = "report.md";

    private static readonly string[] Keys = BenchSchemaNames.All.Select(s => s.Key()).ToArray();

    public static string Write(BenchResults results)
    {
        var text = new StringBuilder();
        Context(text, results);
        Targets(text, results);
        Reads(text, results);
        Writes(text, results);
        Indexes(text, results);
        Migrations(text, results);
        ScenarioReportWriter.Write(text, results);
        Method(text, results);
        return text.ToString();
    }

    private static void Context(StringBuilder text, BenchResults r)
    {
        var m = r.Machine;
        Line(text, $"# Cmms.Data benchmark: plain EF Core vs Cmms.Data");
        Line(text);
        Line(text, $"![Read speedup per query, write cost and index size per schema](chart.svg)");
        Line(text);
        Line(text, $"- **Run**: {r.Date:yyyy-MM-dd HH:mm} UTC, scale {r.Scale} ({r.Schemas[0].Rows:N0} rows per database), seed {r.Seed}, {r.DurationSeconds / 60:F1} minutes in all.");
        Line(text, $"- **Machine**: {m.Cores} cores, {m.Memory} memory, {m.OperatingSystem}; 1-minute load average {Load(m.LoadAverage)} at the start and {Load(r.LoadAverageAtEnd)} at the end (other work on the machine shows up as noise in the timings).");
        var c = r.Schemas.Single(s => s.Key == BenchSchema.CmmsData.Key());
        var activity = c.Tables.Single(t => t.Table == "user_activity_logs");
        Line(text, $"- **Load** into (c): {c.Rows:N0} rows in {c.LoadSeconds:F1} s ({c.RowsPerSecond:N0} rows/s, binary COPY with every index and foreign key in place, generation included); the {activity.Rows:N0} user_activity_logs alone in {activity.LoadSeconds:F1} s.");
        Line(text, $"- **PostgreSQL** {m.PostgresVersion}: {string.Join(", ", m.Settings.Select(s => $"{s.Key}={s.Value}"))}.");
        Line(text, $"- **Measurement**: {r.Settings.Warmup} warm-up and {r.Settings.Runs} measured runs per query and schema: (a) in a block of its own (its sequential scans would slow whatever ran next), then (b), (c) and an A/A control session on (b) taking turns, each on its own server process; {r.Settings.WriteSamples} single-row INSERTs and UPDATEs per table and schema; migrations on {r.Settings.MigrationSamples} empty databases. Medians and 95th percentiles, never single runs.");
        var st = r.Settings;
        var scales = st.DeleteScales.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToList();
        Line(text, $"- **Scenarios**: {st.Writers} writer sessions for {st.PhaseSeconds:0.#} s before and after each of {st.MigrationLoadRuns} migrations under write load per engine; {st.MigrationTimeRuns} migrations per arm of the migration-time scenario ({st.ParallelIndexBuilds} sessions in its parallel arms); parent deletes at scales {string.Join(", ", scales)}; {st.StartupRuns} hyperfine runs per start-up command.");
        Line(text, $"- **Reproduce** (every repetition setting of this run): `dotnet run -c Release --project tools/Cmms.Data.Bench -- bench --scale {r.Scale} --seed {r.Seed} --runs {st.Runs} --warmup {st.Warmup} --write-samples {st.WriteSamples} --migration-samples {st.MigrationSamples} --writers {st.Writers} --phase-seconds {st.PhaseSeconds} --migration-load-runs {st.MigrationLoadRuns} --migration-time-runs {st.MigrationTimeRuns} --parallel-index-builds {st.ParallelIndexBuilds} --delete-scales {string.Join(" ", scales)} --startup-runs {st.StartupRuns} --output bench-results` (add `--connection` for another server; `tools/Cmms.Data.Bench/committed-run.sh` makes the committed run).");
        Line(text);
    }

    private static void Targets(StringBuilder text, BenchResults r)
    {
        Line(text, $"## Targets");
        Line(text);
        Line(text, $"| target | threshold | measured | holds |");
        Line(text, $"|---|---|---|---|");
        foreach (var t in r.Targets)
        {
            Line(text, $"| {t.Name} | {t.Target} | {t.Measured} | {(t.Holds ? "yes" : "**no**")} |");
        }

        Line(text);
        foreach (var t in r.Targets)
        {
            Line(text, $"- **{t.Name}** ({(t.Holds ? "holds" : "does not hold")}): {t.Explanation}");
        }

        Line(text);
    }

    private static void Reads(StringBuilder text, BenchResults r)
    {
        Line(text, $"## Read latency per catalog query");
        Line(text);
        Line(text, $"Server execution time (`EXPLAIN (ANALYZE, TIMING OFF)`), median / p95 in ms; client round trip (execute and read all rows) median in ms; ratios of the server medians. A/A is the control: a second series of (b) runs, interleaved with (b) and (c), over (b): how far two measurements of the same database drift apart.");
        Line(text);
        Line(text, $"| query | rows | index in (c) | (a) server | (b) server | (c) server | (a) client | (c) client | (a)/(c) | (b)/(c) | A/A | (a) plan |");
        Line(text, $"|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var q in r.Queries)
        {
            var a = q.Schemas[Keys[0]];
            var b = q.Schemas[Keys[1]];
            var c = q.Schemas[Keys[2]];
            Line(text, $"| {q.Id} {q.Description}{(q.Selective ? "" : " †")} | {q.Rows} | `{q.ExpectedIndex}`{(c.Indexes.Contains(q.ExpectedIndex) ? "" : " (not used)")} | {a.Server.Median:F3} / {a.Server.P95:F3} | {b.Server.Median:F3} / {b.Server.P95:F3} | {c.Server.Median:F3} / {c.Server.P95:F3} | {a.Client.Median:F3} | {c.Client.Median:F3} | {q.SpeedupUnindexed:F1}x | {q.RatioAsDeclared:F2} | {q.ControlRatio:F2} | {(a.SequentialScan ? "seq scan" : string.Join(", ", a.Indexes))} |");
        }

        Line(text);
        Line(text, $"† not counted as selective (Q23 reads the top of a precomputed view, Q24 a time range through a lossy BRIN index).");
        Line(text);
    }

    private static void Writes(StringBuilder text, BenchResults r)
    {
        Line(text, $"## Write cost on the write-heavy tables");
        Line(text);
        Line(text, $"Bulk: a multi-row INSERT … SELECT of existing rows (batch size in the table), rolled back, median rows/s of the runs; load: the one-shot binary COPY that filled the table (indexes and foreign keys in place). Single-row statements in autocommit: client latency includes the commit; server time is `EXPLAIN (ANALYZE)` execution (index maintenance, foreign-key checks). Median / p95 in ms. Bulk runs and single-row samples rotate between the schemas; the one-shot loads ran once each, one after another, and carry whatever the machine was doing at the time.");
        Line(text);
        Line(text, $"| table | schema | indexes | bulk rows/s (batch) | load rows/s | INSERT client | INSERT server | UPDATE client | UPDATE server |");
        Line(text, $"|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var w in r.Writes)
        {
            foreach (var schema in BenchSchemaNames.All)
            {
                var t = w.Schemas[schema.Key()];
                Line(text, $"| {w.Table} | {schema.Label()} | {t.IndexCount} | {t.BulkRowsPerSecond:N0} ({t.BulkBatchRows:N0}) | {t.LoadRowsPerSecond:N0} | {t.InsertClient.Median:F3} / {t.InsertClient.P95:F3} | {t.InsertServer.Median:F3} / {t.InsertServer.P95:F3} | {t.UpdateClient.Median:F3} / {t.UpdateClient.P95:F3} | {t.UpdateServer.Median:F3} / {t.UpdateServer.P95:F3} |");
            }
        }

        Line(text);
        Line(text, $"| schema | rows loaded | load s | load rows/s (all tables) | load rows/s (write-heavy tables) | bulk rows/s (write-heavy tables) |");
        Line(text, $"|---|---:|---:|---:|---:|---:|");
        foreach (var s in r.Schemas)
        {
            Line(text, $"| {s.Title} | {s.Rows:N0} | {s.LoadSeconds:F1} | {s.RowsPerSecond:N0} | {TargetJudge.WriteHeavyLoadThroughput(s):N0} | {TargetJudge.BulkThroughput(r.Writes, s.Key):N0} |");
        }

        Line(text);
    }

    private static void Indexes(StringBuilder text, BenchResults r)
    {
        Line(text, $"## Index size");
        Line(text);
        Line(text, $"| schema | indexes | total |");
        Line(text, $"|---|---:|---:|");
        foreach (var s in r.Schemas)
        {
            Line(text, $"| {s.Title} | {s.IndexCount} | {IndexSizes.Mib(s.IndexBytes)} |");
        }

        Line(text);
        Line(text, $"Per table (index count, size); tables where (b) and (c) differ are in bold:");
        Line(text);
        Line(text, $"| table | rows | (a) | (b) | (c) |");
        Line(text, $"|---|---:|---:|---:|---:|");
        var byKey = r.Schemas.ToDictionary(s => s.Key);
        foreach (var table in byKey[Keys[2]].Tables)
        {
            var cells = Keys.Select(k => byKey[k].Tables.FirstOrDefault(t => t.Table == table.Table)).ToArray();
            var differs = cells[1] is { } b && (b.IndexCount != table.IndexCount || b.IndexBytes != table.IndexBytes);
            var name = differs ? $"**{table.Table}**" : table.Table;
            Line(text, $"| {name} | {table.Rows:N0} | {string.Join(" | ", cells.Select(c => c is null ? "-" : $"{c.IndexCount}, {IndexSizes.Mib(c.IndexBytes)}"))} |");
        }

        Line(text);
    }

    private static void Migrations(StringBuilder text, BenchResults r)
    {
        Line(text, $"## Migrations");
        Line(text);
        Line(text, $"| | median | p95 | runs |");
        Line(text, $"|---|---:|---:|---:|");
        Line(text, $"| all migrations on an empty database | {r.Migrations.Apply.Median:F0} ms | {r.Migrations.Apply.P95:F0} ms | {r.Migrations.Apply.Runs} |");
        Line(text, $"| rerun with nothing to do | {r.Migrations.Rerun.Median:F0} ms | {r.Migrations.Rerun.P95:F0} ms | {r.Migrations.Rerun.Runs} |");
        Line(text);
        Line(text, $"Applied as an application applies them, `context.Database.MigrateAsync()` on a context configured with `UseCmmsData` (and so `UseSafeMigrations()`), on a new database each time; the first run in the process also pays for building the model.");
        Line(text);
    }

    private static void Method(StringBuilder text, BenchResults r)
    {
        Line(text, $"## Method");
        Line(text);
        Line(text, $"- **(a) unindexed**: primary keys, unique constraints and unique indexes, foreign keys; nothing else. **(b) as declared**: EF Core's create script of the model with the Cmms.Data conventions off (every declared index, EF Core's own foreign-key index convention). **(c) Cmms.Data**: the migrations. (a) and (b) get the migrations' objects outside the model too (trigger, `mv_track_popularity` and its indexes; (a) only the unique one).");
        Line(text, $"- **Data**: the deterministic generator of `cmms-bench` (seed {r.Seed}), loaded with binary COPY into each database, then `REFRESH MATERIALIZED VIEW` and `VACUUM (ANALYZE)`. Skewed like production: a few heavy users, rare statuses, two years of timestamps, text from word lists, JSON documents with varied keys. Catalog tables (roles, plans, categories, templates, production lines, parts, tags) keep their size at every scale.");
        Line(text, $"- **Parameters**: picked from the loaded data, typical rather than extreme: the median user, entity or word by row count (Q8 is checked a minute after the code was sent, while it is still valid).");
        Line(text, $"- **Settings** are the server's own; nothing is disabled to steer a plan (no `enable_seqscan`).");
    }

    private static string Load(double? load) => load?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a";

    private static void Line(StringBuilder text, FormattableString? line = null)
        => text.AppendLine(line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
}
