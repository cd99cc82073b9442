using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     The three schemas side by side with the same data: index sizes, read latency of the catalog, write cost on the
///     write-heavy tables and parent deletes in (b) and (c). The databases are dropped at the end, also on failure.
/// </summary>
internal static class SideBySideBenchmark
{
    public static async Task<SideBySideResult> RunAsync(string serverConnectionString, BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var plan = VolumePlan.For(settings.Scale);
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
            var deletes = settings.DeleteScales.Contains(settings.Scale)
                ? await ParentDeleteBenchmark.RunAsync(
                    settings.Scale, databases.Single(d => d.Schema == BenchSchema.AsDeclared), databases.Single(d => d.Schema == BenchSchema.CmmsData), settings, progress, cancellationToken).ConfigureAwait(false)
                : [];
            return new SideBySideResult(schemas, queries, writes, deletes);
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
