using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cmms.Data.Analysis.Reports;
using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.Bench.Catalog;
using Cmms.Data.Bench.Plans;

namespace Cmms.Data.Bench.Advice;

/// <summary>
///     The advise benchmark: on the demo database (<see cref="AdviseDemoDatabase" />), times whole-process
///     <c>cmms-db advise</c> and the advised catalog queries before and after applying the advice, and writes the
///     report committed as <c>docs/benchmarks/advise.md</c>.
/// </summary>
internal static class AdviseBenchmark
{
    public const int WorkloadRuns = 3;
    private const int AdviseRuns = 5;
    private const int Warmup = 3;
    private const int Samples = 21;

    /// <summary>Runs the benchmark and returns the report (markdown).</summary>
    /// <param name="scale">The data volume.</param>
    /// <param name="cmmsDb">The cmms-db executable to time.</param>
    /// <param name="progress">Where progress lines go.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<string> RunAsync(double scale, FileInfo cmmsDb, TextWriter progress, CancellationToken cancellationToken)
    {
        if (!cmmsDb.Exists)
        {
            throw new InvalidOperationException($"cmms-db not found at {cmmsDb.FullName}: build it (dotnet build tools/Cmms.Data.Tool -c Release) or pass --cmms-db PATH.");
        }

        var setup = Stopwatch.StartNew();
        await using var demo = await AdviseDemoDatabase.CreateAsync(scale, WorkloadRuns, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cmms-bench: prepared the advise demo database at scale {scale} in {setup.Elapsed.TotalSeconds:F0} s")).ConfigureAwait(false);

        MachineInfo machine;
        await using (var connection = await demo.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            machine = await MachineInfo.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        // Whole process, as a person runs it: .NET start, model build, pg_stat_statements, planning, HypoPG, output.
        var wall = new List<double>();
        var json = string.Empty;
        for (var run = 0; run < AdviseRuns; run++)
        {
            var watch = Stopwatch.StartNew();
            // The connection string travels in CMMS_DB_CONNECTION, never on the command line.
            var (exitCode, output, error) = await Hyperfine.RunAsync(cmmsDb.FullName, ["advise", "--format", "json"], demo.ConnectionString, cancellationToken)
                .ConfigureAwait(false);
            json = exitCode == 0 ? output : throw new InvalidOperationException($"cmms-db advise exited with {exitCode}: {error.Trim()}");
            wall.Add(watch.Elapsed.TotalMilliseconds);
        }

        using var advice = JsonDocument.Parse(json);
        var proposals = advice.RootElement.GetProperty("proposals").EnumerateArray().ToList();
        var advised = QueryCatalog.All
            .Select(q => (Query: q, Proposal: proposals.FirstOrDefault(p => p.GetProperty("statements").EnumerateArray().Any(s => Same(s.GetProperty("sql").GetString()!, q)))))
            .Where(x => x.Proposal.ValueKind == JsonValueKind.Object)
            .ToList();

        var before = new Dictionary<string, Stats>();
        foreach (var (query, _) in advised)
        {
            before[query.Id] = await TimeAsync(demo, query, cancellationToken).ConfigureAwait(false);
        }

        await using (var connection = await demo.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await AdviseDemo.ApplyAsync(connection, proposals, cancellationToken).ConfigureAwait(false);
        }

        var table = new StringBuilder()
            .AppendLine("| query | proposal | median before (ms) | median after (ms) | speed-up | plan after |")
            .AppendLine("|---|---|---:|---:|---:|---|");
        await using (var connection = await demo.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var (query, proposal) in advised)
            {
                var after = await TimeAsync(demo, query, cancellationToken).ConfigureAwait(false);
                var plan = await QueryRunner.ExplainAsync(connection, query, demo.Parameters[query.Id], timing: false, cancellationToken).ConfigureAwait(false);
                table.AppendLine(Row(query.Id, proposal.GetProperty("name").GetString()!, before[query.Id], after, plan.Indexes));
            }
        }

        return new StringBuilder()
            .AppendLine("# cmms-db advise: advice time and the speed-up of the advised queries")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run -c Release --project tools/Cmms.Data.Bench -- advise-demo --report docs/benchmarks/advise.md --scale {scale.ToString(CultureInfo.InvariantCulture)}` (after `dotnet build tools/Cmms.Data.Tool -c Release`).")
            .AppendLine("The machine was shared with other builds and test runs while this was measured (see the load average below, on")
            .AppendLine("2 cores): every timing here is noisy and slower than on an idle machine. The advised queries' times are medians of")
            .AppendLine("repeated runs, the advice's the median of whole-process runs; costs behind the advice are the planner's estimates.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Scale {scale}, {QueryCatalog.All.Count} catalog queries × {WorkloadRuns} runs in pg_stat_statements; dropped: {string.Join(", ", AdviseDemo.Dropped.Values)}; added {AdviseDemo.PrefixIndex}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Whole-process `cmms-db advise --format json` (.NET start and EF Core model build included; target ≤ 10 s; {AdviseRuns} runs): median {Stats.Of(wall).Median / 1000:F2} s, slowest {wall.Max() / 1000:F2} s; the advice itself (elapsedMs of the last run): {advice.RootElement.GetProperty("elapsedMs").GetDouble() / 1000:F2} s for {advice.RootElement.GetProperty("statementsPlanned").GetInt32()} planned statements, {proposals.Count} proposals.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Advised queries, executed {Samples} times after {Warmup} warm-up runs, before and after applying the advice's SQL:")
            .AppendLine()
            .Append(table)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cores} cores, {machine.Memory}, {machine.OperatingSystem}, PostgreSQL {machine.PostgresVersion}, 1-minute load average {machine.LoadAverage?.ToString("F2", CultureInfo.InvariantCulture) ?? "unknown"} at the start ({string.Join(", ", machine.Settings.Select(s => $"{s.Key}={s.Value}"))}).")
            .ToString();
    }

    /// <summary>
    ///     One row of the advised queries' table. The proposal's and the plan's index names come from the database, so they
    ///     are escaped for markdown as analyze's and advise's reports escape them.
    /// </summary>
    internal static string Row(string queryId, string proposal, Stats before, Stats after, IReadOnlyList<string> planIndexes)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"| {queryId} | {MarkdownText.Name(proposal)} | {before.Median:F3} | {after.Median:F3} | {before.Median / after.Median:F1}× | "
            + $"{(planIndexes.Count > 0 ? MarkdownText.Cell(string.Join(", ", planIndexes)) : "no index")} |");

    private static async Task<Stats> TimeAsync(AdviseDemoDatabase demo, CatalogQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await demo.OpenAsync(cancellationToken).ConfigureAwait(false);
        var samples = new List<double>();
        for (var run = 0; run < Warmup + Samples; run++)
        {
            var watch = Stopwatch.StartNew();
            await QueryRunner.ExecuteAsync(connection, query, demo.Parameters[query.Id], cancellationToken).ConfigureAwait(false);
            if (run >= Warmup)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Stats.Of(samples);
    }

    // pg_stat_statements replaces the literal LIMIT with a parameter; the rest of the text is the catalog's.
    private static bool Same(string sql, CatalogQuery query)
    {
        var limit = query.Sql.IndexOf(" LIMIT ", StringComparison.Ordinal);
        return limit < 0 ? sql == query.Sql : sql.StartsWith(query.Sql[..limit] + " LIMIT $", StringComparison.Ordinal);
    }
}
