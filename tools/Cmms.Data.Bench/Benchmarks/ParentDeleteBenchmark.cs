using System.Diagnostics;
using System.Text.Json;
using Cmms.Data.Bench.Schemas;
using Npgsql;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Scenario 2. Deletes a parent row that nothing references, and updates its key, in (b) and (c), where (b) has a foreign key to that
///     parent without a usable index (found from the models): PostgreSQL's check of that key scans the child table in
///     (b) and probes an index in (c). Each statement runs in a transaction that is rolled back, so the same rows serve
///     every run; (b), (c) and an A/A control session on (b) take turns, each going first in turn.
/// </summary>
internal static class ParentDeleteBenchmark
{
    public static async Task<IReadOnlyList<ParentDeleteResult>> RunAsync(
        double scale, BenchDatabase asDeclared, BenchDatabase cmmsData, BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var results = new List<ParentDeleteResult>();
        await using var control = await asDeclared.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var parent in UnindexedForeignKeys.Find().GroupBy(f => f.PrincipalTable))
        {
            var count = settings.Warmup + settings.Runs;
            var keys = await FreshParentRows.InsertAsync(asDeclared.Connection, parent.Key, count, cancellationToken).ConfigureAwait(false);
            var sameKeys = await FreshParentRows.InsertAsync(cmmsData.Connection, parent.Key, count, cancellationToken).ConfigureAwait(false);
            if (!keys.SequenceEqual(sameKeys))
            {
                throw new InvalidOperationException($"The fresh {parent.Key} rows got different keys in (b) and (c); the databases are not the same.");
            }

            (string Series, NpgsqlConnection Connection)[] series = [("b", asDeclared.Connection), ("c", cmmsData.Connection), ("control", control)];
            var samples = series.ToDictionary(s => s.Series, _ => new List<double>());
            var checks = series.ToDictionary(s => s.Series, _ => new List<double>());
            var keyUpdates = series.ToDictionary(s => s.Series, _ => new List<double>());
            var constraints = parent.Select(f => f.Constraint).ToHashSet(StringComparer.Ordinal);
            var keyColumn = Quote(parent.First().PrincipalColumns[0]);
            var delete = Invariant($"DELETE FROM {Quote(parent.Key)} WHERE {keyColumn} = $1");
            // A new key no row has: the checks look for rows that still reference the old one, as for a delete.
            var keyUpdate = Invariant($"UPDATE {Quote(parent.Key)} SET {keyColumn} = -{keyColumn} WHERE {keyColumn} = $1");
            for (var run = -settings.Warmup; run < settings.Runs; run++)
            {
                var key = keys[run + settings.Warmup];
                foreach (var (name, connection) in RunOrder.Rotate(series, run))
                {
                    var elapsed = await RunAndRollBackAsync(connection, delete, key, cancellationToken).ConfigureAwait(false);
                    var check = await CheckTimeAsync(connection, delete, key, constraints, cancellationToken).ConfigureAwait(false);
                    var updated = await RunAndRollBackAsync(connection, keyUpdate, key, cancellationToken).ConfigureAwait(false);
                    if (run >= 0)
                    {
                        samples[name].Add(elapsed);
                        checks[name].Add(check);
                        keyUpdates[name].Add(updated);
                    }
                }
            }

            var childRows = 0L;
            foreach (var table in parent.Select(f => f.Table).Distinct())
            {
                await using var countRows = new NpgsqlCommand($"SELECT count(*) FROM {Quote(table)}", cmmsData.Connection);
                childRows += (long)(await countRows.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var b = Stats.Of(samples["b"]);
            var c = Stats.Of(samples["c"]);
            var aa = Stats.Of(samples["control"]);
            var checkB = Stats.Of(checks["b"]);
            var checkC = Stats.Of(checks["c"]);
            var updateB = Stats.Of(keyUpdates["b"]);
            var updateC = Stats.Of(keyUpdates["c"]);
            var result = new ParentDeleteResult(
                scale,
                parent.Key,
                parent.Select(f => Invariant($"{f} (covered in (b) only by {string.Join(", ", f.CoveredBy)}{(f.IndexedInCmmsData ? string.Empty : "; not indexed in (c) either")})")).ToList(),
                childRows,
                b,
                c,
                aa,
                b.Median / c.Median,
                aa.Median / b.Median,
                checkB,
                checkC,
                checkB.Median / checkC.Median,
                updateB,
                updateC,
                updateB.Median / updateC.Median);
            results.Add(result);
            await progress.WriteLineAsync(Invariant($"  scale {scale}: DELETE FROM {parent.Key}: (b) {b.Median:F3} ms, (c) {c.Median:F3} ms, (b)/(c) {result.Ratio:F1}x; the unindexed keys' checks {checkB.Median:F3} vs {checkC.Median:F3} ms, {result.CheckRatio:F1}x")).ConfigureAwait(false);
        }

        return results;
    }

    private static async Task<double> RunAndRollBackAsync(NpgsqlConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        var watch = Stopwatch.StartNew();
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1 ? elapsed : throw new InvalidOperationException($"{sql} with key {key} changed {changed} rows instead of one.");
    }

    // The server time of the referential-integrity triggers of the given constraints, from EXPLAIN (ANALYZE)'s
    // "Triggers" list (https://www.postgresql.org/docs/current/using-explain.html#USING-EXPLAIN-ANALYZE), rolled back.
    private static async Task<double> CheckTimeAsync(
        NpgsqlConnection connection, string sql, long key, HashSet<string> constraints, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        using var plan = JsonDocument.Parse(json);
        return plan.RootElement[0].TryGetProperty("Triggers", out var triggers)
            ? triggers.EnumerateArray()
                .Where(t => t.TryGetProperty("Constraint Name", out var name) && constraints.Contains(name.GetString()!))
                .Sum(t => t.GetProperty("Time").GetDouble())
            : 0;
    }

    // Table and column names come from the model; quoted as PostgreSQL quotes identifiers all the same.
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
