using System.Diagnostics;
using System.Globalization;
using Cmms.Data.Bench.Catalog;
using Cmms.Data.Bench.Plans;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Measures every catalog query in the three databases: server execution time (<c>EXPLAIN (ANALYZE, TIMING
///     OFF)</c>) and client round trip (execute and read every row). (a) is measured in a block of its own: its
///     sequential scans leave the CPU caches cold and parallel workers winding down, which would slow whichever
///     database ran next. (b) and (c) then take turns with an A/A control: (b) measured again through a second session
///     in the same rotation, so the report can show how far two measurements of the very same thing drift apart. Each
///     series has its own server process and none ever follows itself, so no series enjoys caches its own previous
///     run left warm.
/// </summary>
internal static class ReadBenchmark
{
    private const string Control = "control";

    public static async Task<IReadOnlyList<QueryResult>> RunAsync(
        IReadOnlyList<BenchDatabase> databases,
        BenchSettings settings,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var expected = PlanVerifier.ExpectedIndexes();
        var bySchema = databases.ToDictionary(d => d.Schema);
        await using var control = await bySchema[BenchSchema.AsDeclared].Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<QueryResult>();
        foreach (var query in QueryCatalog.All)
        {
            // The data is identical in the three databases, so one pick serves all of them.
            var parameters = await QueryRunner.PickParametersAsync(bySchema[BenchSchema.CmmsData].Connection, query, cancellationToken).ConfigureAwait(false);
            var plans = new Dictionary<BenchSchema, PlanSummary>();
            foreach (var database in databases)
            {
                plans[database.Schema] = await QueryRunner.ExplainAsync(database.Connection, query, parameters, timing: true, cancellationToken).ConfigureAwait(false);
            }

            var server = new Dictionary<string, List<double>>();
            var client = new Dictionary<string, List<double>>();
            foreach (var block in Blocks(bySchema, control))
            {
                for (var run = -settings.Warmup; run < settings.Runs; run++)
                {
                    foreach (var (series, connection) in RunOrder.Rotate(block, run))
                    {
                        var explained = await QueryRunner.ExplainAsync(connection, query, parameters, timing: false, cancellationToken).ConfigureAwait(false);
                        var watch = Stopwatch.StartNew();
                        await QueryRunner.ExecuteAsync(connection, query, parameters, cancellationToken).ConfigureAwait(false);
                        var roundTrip = watch.Elapsed.TotalMilliseconds;
                        if (run >= 0)
                        {
                            Samples(server, series).Add(explained.ExecutionMs);
                            Samples(client, series).Add(roundTrip);
                        }
                    }
                }
            }

            var timings = databases.ToDictionary(
                d => d.Schema.Key(),
                d => new QueryTiming(plans[d.Schema].Indexes, plans[d.Schema].SequentialScans.Contains(query.Table), Stats.Of(server[d.Schema.Key()]), Stats.Of(client[d.Schema.Key()])));
            var median = (BenchSchema schema) => timings[schema.Key()].Server.Median;
            var result = new QueryResult(
                query.Id,
                query.Description,
                expected.For(query),
                query.Selective,
                plans[BenchSchema.CmmsData].Rows,
                parameters.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
                timings,
                median(BenchSchema.Unindexed) / median(BenchSchema.CmmsData),
                median(BenchSchema.AsDeclared) / median(BenchSchema.CmmsData),
                Stats.Of(server[Control]).Median / median(BenchSchema.AsDeclared));
            results.Add(result);
            await progress.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {query.Id,-4} (a) {median(BenchSchema.Unindexed),9:F3} ms  (b) {median(BenchSchema.AsDeclared),7:F3} ms  (c) {median(BenchSchema.CmmsData),7:F3} ms  (a)/(c) {result.SpeedupUnindexed,8:F1}x")).ConfigureAwait(false);
        }

        return results;
    }

    // (a) alone, then (b), (c) and the (b) control (a second session on the same database) together.
    private static IEnumerable<IReadOnlyList<(string Series, NpgsqlConnection Connection)>> Blocks(
        Dictionary<BenchSchema, BenchDatabase> databases, NpgsqlConnection control)
    {
        yield return [(BenchSchema.Unindexed.Key(), databases[BenchSchema.Unindexed].Connection)];
        yield return
        [
            (BenchSchema.AsDeclared.Key(), databases[BenchSchema.AsDeclared].Connection),
            (BenchSchema.CmmsData.Key(), databases[BenchSchema.CmmsData].Connection),
            (Control, control),
        ];
    }

    private static List<double> Samples(Dictionary<string, List<double>> samples, string series)
    {
        if (!samples.TryGetValue(series, out var list))
        {
            samples[series] = list = [];
        }

        return list;
    }
}
