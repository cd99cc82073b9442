using System.CommandLine;
using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Reports;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Analysis.Sqlite;
using Cmms.Data.CommandLine;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db analyze</c>: judges a live database's indexes with the rules of the Cmms.Data conventions, read-only.
/// </summary>
internal static class AnalyzeCommand
{
    private static readonly Option<string[]> Schemas = new("--schema")
    {
        Description = "Analyze only these schemas (repeatable). Default: every user schema.",
        HelpName = "name",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> Model = ChoiceOption.Create(
        "--model",
        "Check index drift against this model: cmms (the Cmms.Data model) or none. Default: cmms when __EFMigrationsHistory holds Cmms.Data migrations, else none.",
        "cmms",
        "none");

    private static readonly Option<string?> Format = ChoiceOption.Create(
        "--format",
        "Output format: text, json or markdown (for a pull-request comment). Default: text, or json with --json.",
        "text",
        "json",
        "markdown");

    private static readonly Option<string?> FailOn = ChoiceOption.Create(
        "--fail-on",
        "Exit with code 1 when a finding of this severity or worse exists: warning or error.",
        "warning",
        "error");

    private static readonly Option<FileInfo?> Ignore = new("--ignore")
    {
        Description = "Leave out the findings a team accepted, listed in this file: one 'kind table [index]' per line (docs/analyze.md).",
        HelpName = "file",
    };

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "analyze",
            "Read a database's catalog (PostgreSQL, or a SQLite file) and report duplicate, redundant, missing, invalid, unused and bloated indexes, "
            + "foreign keys without an index and other schema problems, each with its fix. Never writes.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Provider,
            CommonOptions.Json,
            Schemas,
            Model,
            Format,
            FailOn,
            Ignore);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var model = context.Get(Model);
        var baseline = await ReadBaselineAsync(context.Get(Ignore), cancellationToken).ConfigureAwait(false);
        var report = context.SqliteConnectionString is { } sqlite
            ? await AnalyzeSqliteAsync(sqlite, model, context.Get(Schemas) ?? [], baseline, cancellationToken).ConfigureAwait(false)
            : await AnalyzePostgreSqlAsync(context, model, baseline, cancellationToken).ConfigureAwait(false);

        var output = (context.Get(Format) ?? (context.Json ? "json" : "text")) switch
        {
            "json" => JsonReportWriter.Write(report),
            "markdown" => MarkdownReportWriter.Write(report),
            _ => TextReportWriter.Write(report),
        };
        await context.Console.Out.WriteAsync(output).ConfigureAwait(false);
        if (!output.EndsWith('\n'))
        {
            await context.Console.Out.WriteLineAsync().ConfigureAwait(false);
        }

        var threshold = context.Get(FailOn) switch
        {
            "warning" => FindingSeverity.Warning,
            "error" => FindingSeverity.Error,
            _ => (FindingSeverity?)null,
        };
        if (threshold is { } gate && report.HasFindingsAtOrAbove(gate))
        {
            await context.Console.WriteErrorAsync($"{ReportHeadline.Counts(report.Summary)} (--fail-on {context.Get(FailOn)}).").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static async Task<AnalysisReport> AnalyzePostgreSqlAsync(ToolContext context, string? model, FindingBaseline? baseline, CancellationToken cancellationToken)
    {
        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        var choice = ModelChoice.From(model, connection.ConnectionString);
        var options = new AnalysisOptions
        {
            Schemas = context.Get(Schemas) ?? [],
            ModelContext = choice.Context,
            ModelName = "cmms",
            ModelCheck = choice.Check,
            Baseline = baseline,
        };
        await using var dataSource = AnalysisDataSource.Create(connection.ConnectionString, "cmms-db analyze");
        return await new DatabaseAnalyzer(dataSource).AnalyzeAsync(options, cancellationToken).ConfigureAwait(false);
    }

    // The Cmms.Data model and its migrations are PostgreSQL's, so no SQLite file holds them: drift on SQLite is the
    // library's, with the application's own context (SqliteAnalyzer with AnalysisOptions.ModelContext).
    private static Task<AnalysisReport> AnalyzeSqliteAsync(
        string connectionString,
        string? model,
        IReadOnlyList<string> schemas,
        FindingBaseline? baseline,
        CancellationToken cancellationToken)
    {
        if (model == "cmms")
        {
            throw new ToolException(
                "--model cmms compares with the Cmms.Data model, which is PostgreSQL's: on a SQLite file, drop --model, "
                + "or check drift from your own context with the library's SqliteAnalyzer.",
                ExitCodes.Usage);
        }

        var options = new AnalysisOptions { Schemas = schemas, Baseline = baseline };
        return new SqliteAnalyzer(connectionString).AnalyzeAsync(options, cancellationToken);
    }

    private static async Task<FindingBaseline?> ReadBaselineAsync(FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new ToolException($"Baseline file {UnprintableText.Escape(file.FullName)} not found: pass the path of an existing file to --ignore.", ExitCodes.Usage);
        }

        return FindingBaseline.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false));
    }
}
