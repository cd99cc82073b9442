using System.CommandLine;
using Cmms.Data.CommandLine;
using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Advice;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;
using Npgsql;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db advise</c>: index advice from the workload a database really runs (<c>pg_stat_statements</c>, or a file
///     of statements), measured with HypoPG hypothetical indexes and written as EF Core code. Never writes.
/// </summary>
internal static class AdviseCommand
{
    private static readonly Option<FileInfo?> Queries = new("--queries")
    {
        Description = "Advise on the SQL statements in this file ($1 … parameters or literals) instead of pg_stat_statements.",
        HelpName = "file",
    };

    private static readonly Option<int> MinCalls = NumberOption.Integer(
        "--min-calls",
        "From pg_stat_statements: only statements called at least this often.",
        defaultValue: 1,
        minimum: 0,
        maximum: int.MaxValue);

    private static readonly Option<double> MinMeanMs = NumberOption.DecimalFrom(
        "--min-mean-ms",
        "From pg_stat_statements: only statements with at least this mean execution time (ms).",
        defaultValue: 0,
        minimum: 0,
        maximum: double.MaxValue,
        helpName: "ms");

    private static readonly Option<int> Top = NumberOption.Integer(
        "--top",
        "From pg_stat_statements: the N statements on user tables with the most total execution time.",
        defaultValue: 100,
        minimum: 1,
        maximum: 100_000,
        helpName: "n");

    private static readonly Option<double> MinCostReduction = NumberOption.DecimalFrom(
        "--min-cost-reduction",
        "Propose an index only if it cuts the planned cost of the statements it serves by at least this percentage.",
        defaultValue: 50,
        minimum: 0,
        maximum: 100,
        helpName: "percent");

    private static readonly Option<string?> Model = ChoiceOption.Create(
        "--model",
        "Write proposals against this EF Core model: cmms (the Cmms.Data model) or none (table and column names). Default: cmms when __EFMigrationsHistory holds Cmms.Data migrations.",
        "cmms",
        "none");

    private static readonly Option<string?> Format = ChoiceOption.Create(
        "--format",
        "Output format: text, json or markdown. Default: text, or json with --json.",
        "text",
        "json",
        "markdown");

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "advise",
            "Propose the indexes the workload is missing (pg_stat_statements or --queries), each measured with HypoPG, checked "
            + "against the existing indexes by the Cmms.Data rules, and written as EF Core HasIndex code and CREATE INDEX CONCURRENTLY. Never writes.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Json,
            Queries,
            MinCalls,
            MinMeanMs,
            Top,
            MinCostReduction,
            Model,
            Format);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var reduction = context.Get(MinCostReduction);
        var statements = context.Get(Queries) is { } file ? SqlScript.Split(await ReadFileAsync(file, cancellationToken).ConfigureAwait(false)) : null;
        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "cmms-db advise";
        await using var dataSource = builder.Build();

        var model = context.Get(Model);
        var choice = ModelChoice.From(model, connection.ConnectionString);
        var request = new AdviceRequest
        {
            Statements = statements,
            MinCalls = context.Get(MinCalls),
            MinMeanMs = context.Get(MinMeanMs),
            Top = context.Get(Top),
            MinCostReduction = reduction / 100,
            ModelContext = choice.Context,
            ModelCheck = choice.Check,
        };
        var report = await IndexAdvisor.AdviseAsync(dataSource, request, cancellationToken).ConfigureAwait(false);

        var output = (context.Get(Format) ?? (context.Json ? "json" : "text")) switch
        {
            "json" => AdviceReportWriter.Json(report),
            "markdown" => AdviceReportWriter.Markdown(report),
            _ => AdviceReportWriter.Text(report),
        };
        await context.Console.Out.WriteAsync(output).ConfigureAwait(false);
        if (!report.AdvisedAnything)
        {
            await context.Console.WriteErrorAsync("no statement on a user table could be planned, so there is no advice: see the reasons above.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static async Task<string> ReadFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"Cannot read --queries {file.FullName}: {e.Message}", ExitCodes.Usage);
        }
    }
}
