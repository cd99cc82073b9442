using System.CommandLine;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.CommandLine;
using System.Text.Json;
using Cmms.Data.Conventions.Migrations.Linting;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;
using Cmms.Data.Tool.Lint;
using Cmms.Data.Tool.Migrations;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db lint</c>: reports what migrations (or a SQL script) do that cannot be made safe on a busy table, with
///     the lint rules of Cmms.Data (docs/lint.md). Reads only.
/// </summary>
internal static class LintCommand
{
    // No server is contacted for --all and --script: the context only serves the migrations assembly.
    private const string NoServer = "Host=cmms-db-lint-reads-no-database.invalid";

    private static readonly Option<bool> All = new("--all")
    {
        Description = "Lint every migration of this cmms-db build instead of the database's pending ones (needs no database).",
    };

    private static readonly Option<FileInfo?> Script = new("--script")
    {
        Description = "Lint this SQL script (e.g. from cmms-db script) instead of migrations (needs no database).",
        HelpName = "file",
    };

    private static readonly Option<string?> Format = ChoiceOption.Create(
        "--format", "Output format: text, json or markdown (for a pull-request comment). Default: text, or json with --json.", "text", "json", "markdown");

    private static readonly Option<string?> FailOn = ChoiceOption.Create(
        "--fail-on", "Exit with code 1 when an unacknowledged finding of this severity or worse exists: warning or error.", "warning", "error");

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "lint",
            "Report migration operations that lock a busy table or break the running application (rewrites, renames, drops, "
            + "risky raw SQL, costly types), each with why and the safe way. Changes nothing.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Json,
            All,
            Script,
            Format,
            FailOn);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = await LintAsync(context, cancellationToken).ConfigureAwait(false);
        var output = (context.Get(Format) ?? (context.Json ? "json" : "text")) switch
        {
            "json" => JsonSerializer.Serialize(report, CliJson.Options) + Environment.NewLine,
            "markdown" => LintMarkdownWriter.Write(report),
            _ => LintTextWriter.Write(report),
        };
        await context.Console.Out.WriteAsync(output).ConfigureAwait(false);

        if (context.Get(FailOn) is { } failOn && report.Result.FailsGate(Enum.Parse<MigrationLintSeverity>(failOn, ignoreCase: true)))
        {
            await context.Console.WriteErrorAsync($"{UnprintableText.Escape(report.Headline)} (--fail-on {failOn}).").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static async Task<LintReport> LintAsync(ToolContext context, CancellationToken cancellationToken)
    {
        if (context.Get(Script) is { } script)
        {
            if (!script.Exists)
            {
                throw new ToolException($"The script '{script.FullName}' does not exist: pass an existing SQL file to --script.", ExitCodes.Usage);
            }

            var sql = await File.ReadAllTextAsync(script.FullName, cancellationToken).ConfigureAwait(false);
            return new LintReport($"the script '{script.Name}'", new MigrationLintResult([script.Name], MigrationLinter.LintScript(script.Name, sql)));
        }

        if (context.Get(All))
        {
            using var offline = CmmsContextFactory.Create(NoServer);
            var all = MigrationLinter.LintAll(offline);
            return new LintReport($"all {all.Sources.Count} migrations", all);
        }

        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var db = CmmsContextFactory.Create(connection.ConnectionString);
        var pending = await MigrationLinter.LintPendingAsync(db, cancellationToken).ConfigureAwait(false);
        return new LintReport($"{pending.Sources.Count} pending migrations of '{connection.Database}'", pending);
    }
}
