using Spectre.Console;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     Where a command writes: data to <see cref="Out" />, diagnostics and progress to <see cref="Error" />.
/// </summary>
/// <param name="Out">Standard output: the command's result (text or JSON).</param>
/// <param name="Error">Standard error: progress, warnings and the one-line failure message.</param>
/// <param name="IsTerminal">Whether standard error is a terminal, so progress may redraw one live line.</param>
/// <param name="Terminal">
///     Standard output as a Spectre.Console console when it is a terminal, for tables; <see langword="null" /> when it
///     is redirected (pipelines, scripts, tests), where commands write plain lines.
/// </param>
internal sealed record ToolConsole(TextWriter Out, TextWriter Error, bool IsTerminal, IAnsiConsole? Terminal = null)
{
    /// <summary>
    ///     How every failure line begins, and nothing else does: progress and notes on standard error never start with
    ///     it, so a log search for it finds the failures only.
    /// </summary>
    public const string ErrorPrefix = "cmms-db: error: ";

    /// <summary>Writes the one line of a failure (the message is already scrubbed and escaped).</summary>
    public Task WriteErrorAsync(string message) => Error.WriteLineAsync(ErrorPrefix + message);

    public static ToolConsole FromProcess()
        => new(
            Console.Out,
            Console.Error,
            !Console.IsErrorRedirected,
            Console.IsOutputRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }));
}
