using System.CommandLine;
using System.Globalization;
using Cmms.Data.Bench.Advice;
using Cmms.Data.CommandLine;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>
///     <c>cmms-bench advise-demo</c>: prepares a database for <c>cmms-db advise</c> (the catalog data loaded, four catalog
///     indexes dropped, the catalog workload recorded by pg_stat_statements): by default the embedded server's
///     <c>cmms</c> database, the one <c>cmms-db</c> uses without a connection. With <c>--report</c> it runs the advise
///     benchmark on a throwaway server instead.
/// </summary>
internal static class AdviseDemoCommand
{
    private static readonly Option<double> Scale = WorkloadOptions.Scale(0.1);

    private static readonly Option<FileInfo?> Report = new("--report")
    {
        Description = "Instead: run the advise benchmark on a throwaway server (whole-process cmms-db advise, the advised queries before and after) and write its report to this file.",
        HelpName = "file",
    };

    private static readonly Option<FileInfo> CmmsDb = WorkloadOptions.CmmsDb("With --report: the cmms-db executable to time.");

    public static Command Create(BenchConsole console) => BenchCommandBuilder.Create(
        "advise-demo",
        "Prepare a database for cmms-db advise: migrate, load the catalog data, drop the indexes of Q6, Q12, Q14 and Q22, and run the catalog "
        + "workload under pg_stat_statements. Default: the embedded server's cmms database in .cmms/postgres (then run: cmms-db advise); "
        + "--connection names another, empty one. With --report, run the advise benchmark on a throwaway server instead.",
        console,
        RunAsync,
        Scale,
        Report,
        CmmsDb);

    private static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var scale = context.Get(Scale);
        if (context.Get(Report) is { } report)
        {
            var text = await AdviseBenchmark.RunAsync(scale, context.Get(CmmsDb)!, context.Console.Error, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(report.FullName, text, cancellationToken).ConfigureAwait(false);
            await context.Console.Error.WriteLineAsync($"cmms-bench: wrote {report.FullName}").ConfigureAwait(false);
            return BenchApp.Success;
        }

        var embedded = !context.HasConnection;
        var connectionString = embedded ? await EmbeddedServer.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false) : context.ServerConnectionString();
        await context.Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cmms-bench: preparing the advise demo at scale {scale} (a minute or two)…")).ConfigureAwait(false);
        await AdviseDemo.PrepareAsync(connectionString, scale, AdviseBenchmark.WorkloadRuns, cancellationToken).ConfigureAwait(false);
        await context.Console.Out.WriteLineAsync(
            $"Dropped {string.Join(", ", AdviseDemo.Dropped.Values)}, added {AdviseDemo.PrefixIndex}, and ran the {AdviseBenchmark.WorkloadRuns}× catalog workload. Now run: "
            + (embedded ? "cmms-db advise" : "cmms-db advise --connection \"<the same connection>\"")).ConfigureAwait(false);
        return BenchApp.Success;
    }
}
