using System.CommandLine;
using Cmms.Data.CommandLine;
using Cmms.Data.Tool.Analysis;
using Cmms.Data.Tool.Analysis.Findings;
using Cmms.Data.Tool.Analysis.Report;
using Cmms.Data.Tool.CommandLine;

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

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "analyze",
            "Read a database's catalog and report duplicate, redundant, missing, invalid, unused and bloated indexes, "
            + "foreign keys without an index and other schema problems, each with its fix. Never writes.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Json,
            Schemas,
            Model,
            Format,
            FailOn);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var settings = new AnalyzeSettings(
            context.Get(Schemas) ?? [],
            context.Get(Model) switch { "cmms" => ModelChoice.Cmms, "none" => ModelChoice.None, _ => null });
        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        var report = await Analyzer.AnalyzeAsync(connection.ConnectionString, settings, cancellationToken).ConfigureAwait(false);

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
            await context.Console.Error.WriteLineAsync($"cmms-db: {ReportHeadline.Counts(report.Summary)} (--fail-on {context.Get(FailOn)}).").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }
}
