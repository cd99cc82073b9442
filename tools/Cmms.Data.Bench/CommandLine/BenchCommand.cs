using System.CommandLine;
using System.Globalization;
using System.Text;
using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.Bench.Reports;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>
///     <c>cmms-bench bench</c>: builds the unindexed, as-declared and Cmms.Data schemas side by side on the server (in
///     cmms_bench_* databases dropped afterwards), loads the same data into each, measures reads, writes, index sizes
///     and migrations, and writes report.md, results.json and chart.svg. It measures; it does not gate: targets that
///     do not hold are reported, and the exit code stays 0.
/// </summary>
internal static class BenchCommand
{
    private static readonly Option<double> Scale = WorkloadOptions.Scale(1.0);
    private static readonly Option<int> Seed = WorkloadOptions.Seed();

    private static readonly Option<DirectoryInfo> Output = new("--output", "-o")
    {
        Description = "Directory for report.md, results.json and chart.svg (created if missing). Default: bench-results.",
        HelpName = "directory",
        DefaultValueFactory = _ => new DirectoryInfo("bench-results"),
    };

    private static readonly Option<int> Runs = Count("--runs", "Measured runs per query and schema (and bulk writes per table).", 31);
    private static readonly Option<int> Warmup = Count("--warmup", "Unmeasured warm-up runs per query, table and schema.", 5);
    private static readonly Option<int> WriteSamples = Count("--write-samples", "Single-row INSERTs and UPDATEs measured per table and schema.", 200);
    private static readonly Option<int> MigrationSamples = Count("--migration-samples", "Empty databases to time the migrations on.", 5);

    public static Command Create(BenchConsole console) => BenchCommandBuilder.Create(
        "bench",
        "Benchmark the schema three ways on one server: (a) keys and foreign keys only, (b) every declared index, "
        + "(c) Cmms.Data's pruned set. Same data in each; writes report.md, results.json and chart.svg.",
        console,
        RunAsync,
        Scale,
        Seed,
        Output,
        Runs,
        Warmup,
        WriteSamples,
        MigrationSamples);

    private static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var server = context.ServerConnectionString();
        var settings = new BenchSettings(
            context.Get(Scale), context.Get(Seed), context.Get(Runs), context.Get(Warmup), context.Get(WriteSamples), context.Get(MigrationSamples));
        var output = context.Get(Output)!;
        output.Create();

        var results = await BenchRunner.RunAsync(server, settings, context.Console.Error, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, ResultsJsonWriter.FileName), ResultsJsonWriter.Serialize(results), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, BenchReportWriter.FileName), BenchReportWriter.Write(results), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, SvgChartWriter.FileName), SvgChartWriter.Write(results), cancellationToken).ConfigureAwait(false);

        await context.Console.Out.WriteLineAsync(context.Json ? ResultsJsonWriter.Serialize(results) : Summary(results, output)).ConfigureAwait(false);
        return BenchApp.Success;
    }

    private static string Summary(BenchResults results, DirectoryInfo output)
    {
        var text = new StringBuilder();
        foreach (var target in results.Targets)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{(target.Holds ? "holds  " : "MISSED ")} {target.Name}: {target.Measured} (target {target.Target})");
        }

        text.Append(CultureInfo.InvariantCulture, $"Wrote {BenchReportWriter.FileName}, {ResultsJsonWriter.FileName} and {SvgChartWriter.FileName} to {output.FullName}");
        return text.ToString();
    }

    private static Option<int> Count(string name, string description, int defaultValue) => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} Default: {defaultValue}."),
        HelpName = "count",
        DefaultValueFactory = _ => defaultValue,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() < (name == "--warmup" ? 0 : 1))
                {
                    result.AddError($"{name} must be at least {(name == "--warmup" ? 0 : 1)}.");
                }
            },
        },
    };
}
