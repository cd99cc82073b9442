using System.CommandLine;
using Cmms.Data.Tool.Commands;
using Cmms.Data.Tool.Errors;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     The cmms-db command line: builds the commands, runs one, and turns every failure into one line and an exit code.
/// </summary>
internal static class CmmsDbApp
{
    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("cmms-db: migrate, inspect and verify a Cmms.Data PostgreSQL database.");
        CommonOptions.AddTo(root);
        foreach (var command in CreateCommands(console))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line, like every other failure, so that scripts can show it as is.
            var errors = string.Join(" ", parseResult.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            await console.Error.WriteLineAsync($"cmms-db: {errors} Run 'cmms-db --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failure = ErrorTranslator.Translate(ex, connection: null);
            await console.Error.WriteLineAsync($"cmms-db: {failure.Message}").ConfigureAwait(false);
            if (parseResult.GetValue(CommonOptions.Verbose))
            {
                await console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return failure.ExitCode;
        }
    }

    private static IEnumerable<Command> CreateCommands(ToolConsole console)
    {
        yield return MigrateCommand.Create(console);
        yield return ScriptCommand.Create(console);
        yield return StatusCommand.Create(console);
        yield return EmbeddedCommand.Create(console);
        yield return AnalyzeCommand.Create(console);
        yield return VerifyPlansCommand.Create(console);
        yield return BenchCommand.Create(console);
        yield return LintCommand.Create(console);
    }
}
