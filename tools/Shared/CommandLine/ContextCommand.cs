using System.CommandLine;

namespace Cmms.Data.CommandLine;

/// <summary>
///     The command shape cmms-db and cmms-bench share: a command with its options, arguments and subcommands, whose action
///     builds the tool's own context from the parse result and returns an exit code.
/// </summary>
internal static class ContextCommand
{
    public static Command Create<TContext>(
        string name,
        string description,
        Func<ParseResult, TContext> createContext,
        Func<TContext, CancellationToken, Task<int>> run,
        params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Command subcommand:
                    command.Subcommands.Add(subcommand);
                    break;
                default:
                    throw new ArgumentException($"A command holds options, arguments and subcommands, not {symbol.GetType().Name}.", nameof(symbols));
            }
        }

        command.SetAction((parseResult, cancellationToken) => run(createContext(parseResult), cancellationToken));
        return command;
    }
}
