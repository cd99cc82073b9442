using System.CommandLine;
using System.Globalization;
using System.Text;
using Cmms.Data.CommandLine;
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
    private static readonly Option<int> Writers = Count("--writers", "Writer sessions while AddIndexes is applied under write load.", 4);
    private static readonly Option<int> MigrationLoadRuns = Count("--migration-load-runs", "Migrations under write load per engine (plain EF Core, Cmms.Data).", 3);
    private static readonly Option<int> MigrationTimeRuns = Count("--migration-time-runs", "Migrations of the loaded database per arm, with nobody writing.", 3);
    private static readonly Option<int> ParallelIndexBuilds = NumberOption.Integer(
        "--parallel-index-builds",
        "Sessions of the migration-time scenario's parallel arms (Cmms.Data building indexes on different tables at once).",
        2,
        minimum: 2,
        maximum: 16);

    private static readonly Option<int> StartupRuns = Count("--startup-runs", "hyperfine runs per start-up command.", 20);

    private static readonly Option<double> PhaseSeconds = new("--phase-seconds")
    {
        Description = "Seconds of writing measured before and after each migration under write load. Default: 5.",
        HelpName = "seconds",
        DefaultValueFactory = _ => 5,
        Validators = { result => { if (!(result.GetValueOrDefault<double>() > 0)) { result.AddError("--phase-seconds must be greater than 0."); } } },
    };

    private static readonly Option<double[]> DeleteScales = new("--delete-scales")
    {
        Description = "Scales to measure parent deletes at; the run's own --scale reuses its databases, others get (b) and (c) of their own. Default: 0.1 1 3.",
        HelpName = "factor",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [0.1, 1, 3],
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<double[]>() is not { Length: > 0 } scales || scales.Any(s => !(s > 0 && s <= 100)))
                {
                    result.AddError("--delete-scales takes one or more scales, each greater than 0 and at most 100.");
                }
            },
        },
    };

    private static readonly Option<FileInfo> CmmsDb = WorkloadOptions.CmmsDb("The cmms-db executable whose start-up is timed.");

    private static readonly Option<FileInfo> MigrationsProject = new("--migrations-project")
    {
        Description = "The migrations project dotnet ef database update runs against. Default: migrations/Cmms.Data.Migrations/Cmms.Data.Migrations.csproj under the current directory.",
        HelpName = "file",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("migrations", "Cmms.Data.Migrations", "Cmms.Data.Migrations.csproj")),
    };

    private static readonly Option<FileInfo?> Efbundle = new("--efbundle")
    {
        Description = "An efbundle of the migrations, to time its no-op run beside cmms-db's. Default: the one CMMS_EFBUNDLE names, else artifacts/efbundle under the current directory (.ci/run builds it), else none (not measured).",
        HelpName = "file",
        DefaultValueFactory = _ => StartupTools.FindEfbundle(),
    };

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
        MigrationSamples,
        Writers,
        PhaseSeconds,
        MigrationLoadRuns,
        MigrationTimeRuns,
        ParallelIndexBuilds,
        DeleteScales,
        StartupRuns,
        CmmsDb,
        MigrationsProject,
        Efbundle);

    private static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var server = context.ServerConnectionString();
        var settings = new BenchSettings(
            context.Get(Scale),
            context.Get(Seed),
            context.Get(Runs),
            context.Get(Warmup),
            context.Get(WriteSamples),
            context.Get(MigrationSamples),
            context.Get(Writers),
            context.Get(PhaseSeconds),
            context.Get(MigrationLoadRuns),
            context.Get(MigrationTimeRuns),
            context.Get(ParallelIndexBuilds),
            context.Get(DeleteScales)!.Distinct().Order().ToArray(),
            context.Get(StartupRuns));
        var startupTools = new StartupTools(context.Get(CmmsDb), context.Get(MigrationsProject), context.Get(Efbundle));
        var output = context.Get(Output)!;
        output.Create();

        var results = await BenchRunner.RunAsync(server, settings, startupTools, context.Console.Error, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, ResultsJsonWriter.FileName), ResultsJsonWriter.Serialize(results), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, BenchReportWriter.FileName), BenchReportWriter.Write(results), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, SvgChartWriter.FileName), SvgChartWriter.Write(results), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, TimelineChartWriter.FileName), TimelineChartWriter.Write(results.MigrationUnderLoad), cancellationToken).ConfigureAwait(false);

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

        text.Append(CultureInfo.InvariantCulture, $"Wrote {BenchReportWriter.FileName}, {ResultsJsonWriter.FileName}, {SvgChartWriter.FileName} and {TimelineChartWriter.FileName} to {output.FullName}");
        return text.ToString();
    }

    private static Option<int> Count(string name, string description, int defaultValue)
        => NumberOption.Integer(name, description, defaultValue, minimum: name == "--warmup" ? 0 : 1, maximum: 1_000_000);
}
