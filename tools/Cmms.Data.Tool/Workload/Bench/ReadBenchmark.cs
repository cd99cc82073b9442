using System.Diagnostics;
using System.Globalization;
using Cmms.Data.Tool.Workload.Catalog;
using Cmms.Data.Tool.Workload.Plans;
using Cmms.Data.Tool.Workload.Schemas;

namespace Cmms.Data.Tool.Workload.Bench;

/// <summary>
///     Measures every catalog query in the three databases: server execution time (<c>EXPLAIN (ANALYZE, TIMING
///     OFF)</c>) and client round trip (execute and read every row). Runs alternate between the databases, so drift
///     in the machine's load hits all three alike.
/// </summary>
internal static class ReadBenchmark
{
    public static async Task<IReadOnlyList<QueryResult>> RunAsync(
        IReadOnlyList<BenchDatabase> databases,
        BenchSettings settings,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var expected = PlanVerifier.ExpectedIndexes();
        var reference = databases.Single(d => d.Schema == BenchSchema.CmmsData);
        var results = new List<QueryResult>();
        foreach (var query in QueryCatalog.All)
        {
            // The data is identical in the three databases, so one pick serves all of them.
            var parameters = await QueryRunner.PickParametersAsync(reference.Connection, query, cancellationToken).ConfigureAwait(false);
            var plans = new Dictionary<BenchSchema, PlanSummary>();
            foreach (var database in databases)
            {
                plans[database.Schema] = await QueryRunner.ExplainAsync(database.Connection, query, parameters, timing: true, cancellationToken).ConfigureAwait(false);
            }

            var server = databases.ToDictionary(d => d.Schema, _ => new List<double>());
            var client = databases.ToDictionary(d => d.Schema, _ => new List<double>());
            for (var run = -settings.Warmup; run < settings.Runs; run++)
            {
                foreach (var database in databases)
                {
                    var explained = await QueryRunner.ExplainAsync(database.Connection, query, parameters, timing: false, cancellationToken).ConfigureAwait(false);
                    var watch = Stopwatch.StartNew();
                    await QueryRunner.ExecuteAsync(database.Connection, query, parameters, cancellationToken).ConfigureAwait(false);
                    var roundTrip = watch.Elapsed.TotalMilliseconds;
                    if (run >= 0)
                    {
                        server[database.Schema].Add(explained.ExecutionMs);
                        client[database.Schema].Add(roundTrip);
                    }
                }
            }

            var timings = databases.ToDictionary(
                d => d.Schema.Key(),
                d => new QueryTiming(plans[d.Schema].Indexes, plans[d.Schema].SequentialScans.Contains(query.Table), Stats.Of(server[d.Schema]), Stats.Of(client[d.Schema])));
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
                median(BenchSchema.AsDeclared) / median(BenchSchema.CmmsData));
            results.Add(result);
            await progress.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {query.Id,-4} (a) {median(BenchSchema.Unindexed),9:F3} ms  (b) {median(BenchSchema.AsDeclared),7:F3} ms  (c) {median(BenchSchema.CmmsData),7:F3} ms  (a)/(c) {result.SpeedupUnindexed,8:F1}x")).ConfigureAwait(false);
        }

        return results;
    }
}
