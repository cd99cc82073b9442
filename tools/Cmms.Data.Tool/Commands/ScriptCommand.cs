using Cmms.Data.Tool.Connection;
using System.CommandLine;
using System.Text.Json;
using Cmms.Data.CommandLine;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
using Cmms.Data.Tool.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db script [--idempotent] [--from M] [--to M] [--lock-timeout 5s] [-o FILE]</c>: the SQL of the migrations, for review or
///     for pipelines that apply SQL files. Needs no database.
/// </summary>
internal static class ScriptCommand
{
    private static readonly Option<bool> Idempotent = new("--idempotent")
    {
        Description = "Write a script that can run on a database at any migration: each migration runs only if the history lacks it, "
            + "and concurrent index statements carry their own IF [NOT] EXISTS guards.",
    };

    private static readonly Option<string?> From = new("--from")
    {
        Description = "The migration the database is at: its name or id, 0 for an empty database. Default: 0.",
        HelpName = "migration",
    };

    private static readonly Option<string?> To = new("--to")
    {
        Description = "The migration to end at: its name or id (before --from for a script that reverts). Default: the newest.",
        HelpName = "migration",
    };

    private static readonly Option<FileInfo?> Output = new("--output", "-o")
    {
        Description = "Write the script to this file instead of standard output.",
        HelpName = "file",
    };

    private static readonly Option<TimeSpan> LockTimeout = MigrateCommand.CreateLockTimeoutOption();

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "script",
            "Write the SQL of the migrations (from --from to --to) for review or for SQL-based pipelines; needs no database.",
            console,
            RunAsync,
            CommonOptions.Json,
            Idempotent,
            From,
            To,
            LockTimeout,
            Output);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        using var db = CmmsContextFactory.Create(CmmsContextFactory.ModelOnlyConnection, context.Get(LockTimeout));
        var catalog = MigrationCatalog.Cmms;
        var from = context.Get(From) is { } fromName ? catalog.Resolve(fromName, "--from") : MigrationCatalog.Empty;
        var to = context.Get(To) is { } toName ? catalog.Resolve(toName, "--to") : catalog.Head;
        var idempotent = context.Get(Idempotent);

        var script = db.GetService<IMigrator>().GenerateScript(
            from,
            to,
            idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);

        var file = context.Get(Output);
        if (file is not null)
        {
            await WriteFileAsync(file, script, cancellationToken).ConfigureAwait(false);
        }

        if (context.Json)
        {
            await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new { from, to, idempotent, file = file?.FullName, script = file is null ? script : null },
                CliJson.Options)).ConfigureAwait(false);
        }
        else if (file is null)
        {
            await context.Console.Out.WriteAsync(script).ConfigureAwait(false);
        }
        else
        {
            await context.Console.Error.WriteLineAsync($"Wrote the script from {from} to {to} to {file.FullName}.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task WriteFileAsync(FileInfo file, string script, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(file.FullName, script, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"Cannot write {file.FullName}: {ex.Message}");
        }
    }
}
