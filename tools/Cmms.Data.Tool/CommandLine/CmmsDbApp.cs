using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using Cmms.Data.Tool.Commands;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     The cmms-db command line: builds the commands, runs one, and turns every failure into one line and an exit code.
/// </summary>
internal static partial class CmmsDbApp
{
    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        // Whatever could be a connection string never reaches the terminal: not in a usage error that echoes an
        // argument (--connection given to a command without it), not in --verbose output.
        var secrets = Secrets(args);
        var parseResult = CreateRootCommand(console).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line, like every other failure, so that scripts can show it as is.
            var errors = string.Join(" ", parseResult.Errors.Select(e => OneLine(e.Message).TrimEnd('.') + "."));
            await console.WriteErrorAsync($"{SecretRedactor.Redact(errors, secrets)} Run 'cmms-db --help' for usage.").ConfigureAwait(false);
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
            secrets.AddRange(failure.Secrets);
            await console.WriteErrorAsync(SecretRedactor.Redact(failure.Message, secrets)).ConfigureAwait(false);
            if (parseResult.GetValue(CommonOptions.Verbose))
            {
                await console.Error.WriteLineAsync(SecretRedactor.Redact((failure.InnerException ?? failure).ToString(), secrets)).ConfigureAwait(false);
            }

            return failure.ExitCode;
        }
    }

    /// <summary>The whole command tree; <c>--verbose</c> on the root, the other options on the commands that use them.</summary>
    public static RootCommand CreateRootCommand(ToolConsole console)
    {
        var root = new RootCommand("cmms-db: migrate, inspect and verify a Cmms.Data PostgreSQL database.");
        root.Options.Add(CommonOptions.Verbose);
        foreach (var command in CreateCommands(console))
        {
            root.Subcommands.Add(command);
        }

        ShowHelpWhenNoSubcommandIsGiven(root);
        return root;
    }

    /// <summary>
    ///     Bare <c>cmms-db</c> (or <c>cmms-db embedded</c>) prints its help and exits 0, as <c>dotnet</c> does, instead of
    ///     System.CommandLine's "Required command was not provided" usage error.
    /// </summary>
    private static void ShowHelpWhenNoSubcommandIsGiven(Command command)
    {
        if (command.Action is null && command.Subcommands.Count > 0)
        {
            command.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        }

        foreach (var subcommand in command.Subcommands)
        {
            ShowHelpWhenNoSubcommandIsGiven(subcommand);
        }
    }

    private static IEnumerable<Command> CreateCommands(ToolConsole console)
    {
        yield return MigrateCommand.Create(console);
        yield return ScriptCommand.Create(console);
        yield return StatusCommand.Create(console);
        yield return EmbeddedCommand.Create(console);
        yield return AnalyzeCommand.Create(console);
        yield return AdviseCommand.Create(console);
        yield return LintCommand.Create(console);
    }

    // The value after --connection/-c (also written --connection=… or -c:…) and CMMS_DB_CONNECTION, with their passwords.
    private static List<string> Secrets(string[] args)
    {
        var values = new List<string?> { Environment.GetEnvironmentVariable(ConnectionResolver.EnvironmentVariable) };
        for (var i = 0; i < args.Length; i++)
        {
            if (CommonOptions.Connection.Aliases.Append(CommonOptions.Connection.Name).Contains(args[i], StringComparer.Ordinal))
            {
                values.Add(i + 1 < args.Length ? args[i + 1] : null);
            }
            else if (ConnectionArgument().Match(args[i]) is { Success: true } inline)
            {
                values.Add(inline.Groups["value"].Value);
            }
        }

        return values.SelectMany(ConnectionResolver.Secrets).ToList();
    }

    // System.CommandLine lists choices on separate lines; a failure is one line.
    private static string OneLine(string message) => Whitespace().Replace(message, " ").Trim();

    [GeneratedRegex(@"^(--connection|-c)[=:](?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex ConnectionArgument();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
