using System.Diagnostics;
using System.Globalization;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Plans;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Measures the write cost of the indexes on the write-heavy tables: bulk throughput (a multi-row INSERT … SELECT
///     of existing rows, rolled back, repeated), and single-row INSERT and UPDATE latency, each both as the client sees
///     it (autocommit, so the commit is included) and as the server executes it (<c>EXPLAIN (ANALYZE)</c>: index
///     maintenance and foreign-key checks). Runs alternate between the databases after a warm-up, each database
///     going first in turn.
/// </summary>
internal static class WriteBenchmark
{
    public static async Task<IReadOnlyList<WriteResult>> RunAsync(
        IReadOnlyList<BenchDatabase> databases,
        IReadOnlyDictionary<BenchSchema, IReadOnlyList<IndexSize>> indexes,
        BenchSettings settings,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var results = new List<WriteResult>();
        var plan = VolumePlan.For(settings.Scale);
        foreach (var statement in WriteStatements.For(plan))
        {
            var batch = Math.Clamp(plan[statement.Table] / 20, 10, 5000);
            var bulk = await BulkAsync(databases, statement, batch, plan[statement.Table], settings, cancellationToken).ConfigureAwait(false);
            var samples = databases.ToDictionary(d => d.Schema, _ => (InsertClient: new List<double>(), InsertServer: new List<double>(), UpdateClient: new List<double>(), UpdateServer: new List<double>()));
            for (var n = -settings.Warmup; n < settings.WriteSamples; n++)
            {
                // Two fresh rows per sample (one timed by the client, one by the server); negative n are the warm-up.
                var sample = (n + settings.Warmup) * 2;
                foreach (var database in RunOrder.Rotate(databases, n))
                {
                    var measured = samples[database.Schema];
                    var insertClient = await ClientAsync(database.Connection, statement.Insert, statement.InsertValues(sample), cancellationToken).ConfigureAwait(false);
                    var insertServer = await ServerAsync(database.Connection, statement.Insert, statement.InsertValues(sample + 1), cancellationToken).ConfigureAwait(false);
                    var updateClient = await ClientAsync(database.Connection, statement.Update, statement.UpdateValues(sample), cancellationToken).ConfigureAwait(false);
                    var updateServer = await ServerAsync(database.Connection, statement.Update, statement.UpdateValues(sample + 1), cancellationToken).ConfigureAwait(false);
                    if (n >= 0)
                    {
                        measured.InsertClient.Add(insertClient);
                        measured.InsertServer.Add(insertServer);
                        measured.UpdateClient.Add(updateClient);
                        measured.UpdateServer.Add(updateServer);
                    }
                }
            }

            var timings = databases.ToDictionary(
                d => d.Schema.Key(),
                d => new WriteTiming(
                    Stats.MedianOf(bulk[d.Schema]),
                    batch,
                    d.Load[statement.Table].RowsPerSecond,
                    indexes[d.Schema].Count(i => i.Table == statement.Table),
                    Stats.Of(samples[d.Schema].InsertClient),
                    Stats.Of(samples[d.Schema].InsertServer),
                    Stats.Of(samples[d.Schema].UpdateClient),
                    Stats.Of(samples[d.Schema].UpdateServer)));
            results.Add(new WriteResult(statement.Table, timings));
            await progress.WriteLineAsync(string.Join("  ", timings.Select(t => string.Create(
                CultureInfo.InvariantCulture,
                $"{t.Key} bulk {t.Value.BulkRowsPerSecond:N0} rows/s, insert {t.Value.InsertServer.Median:F3} ms"))).Insert(0, $"  {statement.Table,-20} ")).ConfigureAwait(false);
        }

        return results;
    }

    // Rows per second of INSERT … SELECT of a batch of existing rows, each run on a different slice and rolled back.
    private static async Task<Dictionary<BenchSchema, List<double>>> BulkAsync(
        IReadOnlyList<BenchDatabase> databases, WriteStatement statement, int batch, int rows, BenchSettings settings, CancellationToken cancellationToken)
    {
        var rates = databases.ToDictionary(d => d.Schema, _ => new List<double>());
        for (var run = -settings.Warmup; run < settings.Runs; run++)
        {
            long from = (long)(run + settings.Warmup) * batch % Math.Max(1, rows - batch);
            foreach (var database in RunOrder.Rotate(databases, run))
            {
                await using var transaction = await database.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var elapsed = await ClientAsync(database.Connection, statement.BulkInsert, [from, from + batch], cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                if (run >= 0)
                {
                    rates[database.Schema].Add(batch / (elapsed / 1000));
                }
            }
        }

        return rates;
    }

    private static async Task<double> ClientAsync(NpgsqlConnection connection, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = QueryRunner.Command(connection, sql, values);
        var watch = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> ServerAsync(NpgsqlConnection connection, string sql, object[] values, CancellationToken cancellationToken)
        => (await QueryRunner.ExplainAsync(connection, sql, values, timing: false, cancellationToken).ConfigureAwait(false)).ExecutionMs;
}
