using System.CommandLine;
using Cmms.Data.CommandLine;
using Cmms.Data.Tool.Errors;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>Builds a command whose action receives a <see cref="ToolContext" /> and returns an exit code.</summary>
internal static class ToolCommand
{
    public static Command Create(
        string name,
        string description,
        ToolConsole console,
        Func<ToolContext, CancellationToken, Task<int>> run,
        params Symbol[] symbols)
        => ContextCommand.Create(
            name,
            description,
            parseResult => new ToolContext(parseResult, console),
            (context, cancellationToken) => RunAsync(context, run, cancellationToken),
            symbols);

    // Translated here, where the resolved connection is known, so the message can name the server and scrub its password.
    private static async Task<int> RunAsync(
        ToolContext context,
        Func<ToolContext, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        try
        {
            return await run(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // ToolExceptions too: the resolved connection's password (the embedded server's is in no argument) joins
            // what --verbose output is scrubbed of.
            throw ErrorTranslator.Translate(ex, context.ResolvedConnection);
        }
    }
}
