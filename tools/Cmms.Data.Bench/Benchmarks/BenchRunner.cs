using System.Diagnostics;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;
using Npgsql;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Runs the whole benchmark on one server: migration timing on empty databases, then the three schemas side by
///     side with the same data, their index sizes, read latency of the catalog, write cost, and the targets.
///     Every database it creates is dropped at the end, also on failure.
/// </summary>
internal static class BenchRunner
{
    public static async Task<BenchResults> RunAsync(string serverConnectionString, BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
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

        var databases = new List<BenchDatabase>();
        try
        {
            foreach (var schema in BenchSchemaNames.All)
            {
                await progress.WriteLineAsync($"cmms-bench: building {schema.Title()} and loading the data").ConfigureAwait(false);
                var database = await BenchDatabase.CreateAsync(serverConnectionString, schema, plan, settings.Seed, cancellationToken).ConfigureAwait(false);
                databases.Add(database);
                await progress.WriteLineAsync(Invariant(
                    $"  {database.Load.Rows:N0} rows in {database.Load.Copy.TotalSeconds:F1} s ({database.Load.RowsPerSecond:N0} rows/s)")).ConfigureAwait(false);
            }

            var indexes = new Dictionary<BenchSchema, IReadOnlyList<IndexSize>>();
            foreach (var database in databases)
            {
                indexes[database.Schema] = await IndexSizes.ReadAsync(database.Connection, cancellationToken).ConfigureAwait(false);
            }

            var schemas = databases.Select(d => Summarize(d, indexes[d.Schema])).ToList();
            await progress.WriteLineAsync(Invariant($"cmms-bench: reading: {settings.Warmup} warm-up and {settings.Runs} measured runs per query and schema")).ConfigureAwait(false);
            var queries = await ReadBenchmark.RunAsync(databases, settings, progress, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync(Invariant($"cmms-bench: writing: {settings.WriteSamples} single-row INSERTs and UPDATEs per table and schema")).ConfigureAwait(false);
            var writes = await WriteBenchmark.RunAsync(databases, indexes, settings, progress, cancellationToken).ConfigureAwait(false);
            var targets = TargetJudge.Judge(settings.Scale, queries, writes, schemas);
            return new BenchResults(
                date, settings.Scale, settings.Seed, settings, machine, MachineInfo.ReadLoadAverage(), Math.Round(watch.Elapsed.TotalSeconds, 1),
                schemas, queries, writes, migrations, targets);
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static SchemaResult Summarize(BenchDatabase database, IReadOnlyList<IndexSize> indexes)
    {
        var loaded = database.Load.Tables.ToDictionary(t => t.Table);
        var tables = loaded.Keys.Union(indexes.Select(i => i.Table)).Order(StringComparer.Ordinal).Select(table =>
        {
            var own = indexes.Where(i => i.Table == table).ToList();
            loaded.TryGetValue(table, out var load);
            return new TableResult(table, load?.Rows ?? 0, load?.Elapsed.TotalSeconds ?? 0, own.Count, own.Sum(i => i.Bytes), own.Select(i => i.Index).ToArray());
        }).ToList();
        return new SchemaResult(
            database.Schema.Key(),
            database.Schema.Title(),
            database.Load.Rows,
            database.Load.Copy.TotalSeconds,
            database.Load.RowsPerSecond,
            indexes.Count,
            indexes.Sum(i => i.Bytes),
            tables);
    }
}
