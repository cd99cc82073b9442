using System.CommandLine;
using Cmms.Data.CommandLine;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>Builds a command whose action receives a <see cref="BenchContext" /> and returns an exit code (the wiring is cmms-db's, <see cref="ContextCommand" />).</summary>
internal static class BenchCommandBuilder
{
    public static Command Create(
        string name, string description, BenchConsole console, Func<BenchContext, CancellationToken, Task<int>> run, params Option[] options)
        => ContextCommand.Create(name, description, parseResult => new BenchContext(parseResult, console), run, options);
}
