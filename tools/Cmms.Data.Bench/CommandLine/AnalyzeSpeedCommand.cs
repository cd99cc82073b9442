using System.CommandLine;
using System.Text.Json;
using Cmms.Data.Bench.AnalyzeSpeed;
using Cmms.Data.CommandLine;
using static System.FormattableString;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>
///     <c>cmms-bench analyze-speed</c>: generates a large catalog in a scratch database next to the given one and times
///     whole <c>cmms-db analyze</c> processes on it with hyperfine (docs/benchmarks/analyze-speed.md).
/// </summary>
internal static class AnalyzeSpeedCommand
{
    private static readonly Option<int> Tables = NumberOption.Integer("--tables", "Tables to generate.", 2000, minimum: 1, maximum: 100_000, helpName: "count");

    private static readonly Option<int> Indexes = NumberOption.Integer(
        "--indexes",
        Invariant($"Indexes to generate in all, primary keys included: {SpeedCatalog.MinimumPerTable} to {SpeedCatalog.MaximumPerTable} per table."),
        10_000,
        minimum: 1,
        maximum: 1_100_000,
        helpName: "count");

    private static readonly Option<int> Runs = NumberOption.Integer("--runs", "Measured hyperfine runs.", 20, minimum: 1, maximum: 1000, helpName: "count");

    private static readonly Option<int> Warmup = NumberOption.Integer("--warmup", "Unmeasured warm-up runs.", 3, minimum: 0, maximum: 100, helpName: "count");

    private static readonly Option<FileInfo> CmmsDb = WorkloadOptions.CmmsDb("The cmms-db executable to time.");

    public static Command Create(BenchConsole console) => BenchCommandBuilder.Create(
        "analyze-speed",
        "Generate a catalog of --tables tables and --indexes indexes (with foreign keys, planted unindexed keys, duplicate and redundant indexes) "
        + "in a scratch database (cmms_analyze_speed_*, dropped afterwards), check one cmms-db analyze report of it, then time whole cmms-db analyze runs with hyperfine.",
        console,
        RunAsync,
        Tables,
        Indexes,
        Runs,
        Warmup,
        CmmsDb);

    private static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tables = context.Get(Tables);
        var indexes = context.Get(Indexes);
        if (indexes < (long)tables * SpeedCatalog.MinimumPerTable || indexes > (long)tables * SpeedCatalog.MaximumPerTable)
        {
            throw new BenchException(Invariant(
                $"--indexes {indexes} does not fit --tables {tables}: give {SpeedCatalog.MinimumPerTable} to {SpeedCatalog.MaximumPerTable} indexes per table ({tables * SpeedCatalog.MinimumPerTable} to {(long)tables * SpeedCatalog.MaximumPerTable})."));
        }

        var result = await AnalyzeSpeedBenchmark.RunAsync(
            context.ServerConnectionString(),
            new SpeedCatalog(tables, indexes),
            context.Get(CmmsDb)!,
            context.Get(Warmup),
            context.Get(Runs),
            context.Console.Error,
            cancellationToken).ConfigureAwait(false);
        await context.Console.Out.WriteLineAsync(context.Json ? JsonSerializer.Serialize(result, CliJson.Options) : Text(result)).ConfigureAwait(false);
        return BenchApp.Success;
    }

    private static string Text(AnalyzeSpeedResult result)
    {
        var times = result.Times;
        var reported = result.Reported;
        return Invariant(
            $"""
            cmms-db analyze --format json on {result.Tables:N0} tables / {result.Indexes:N0} indexes ({reported.FindingCount:N0} findings: {reported.ForeignKeysWithoutIndex} fk_without_index, {reported.Duplicates} duplicate_index, {reported.Redundant} redundant_index)
            mean {result.Mean:F1} ms, median {times.Median:F1} ms, p95 {times.P95:F1} ms, min {times.Min:F1} ms over {times.Runs} runs ({result.Hyperfine})
            load average {result.Machine.LoadAverage?.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} before, {result.LoadAverageAfter?.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} after, on {result.Machine.Cores} cores; PostgreSQL {result.Machine.PostgresVersion}
            """);
    }
}
