using System.CommandLine;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>Builds a command whose action receives a <see cref="BenchContext" /> and returns an exit code.</summary>
internal static class BenchCommandBuilder
{
    public static Command Create(
        string name, string description, BenchConsole console, Func<BenchContext, CancellationToken, Task<int>> run, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => run(new BenchContext(parseResult, console), cancellationToken));
        return command;
    }
}
