using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>Runs cmms-db in-process and keeps what it wrote.</summary>
internal sealed record WorkloadCli(int ExitCode, string Output, string Error)
{
    public static async Task<WorkloadCli> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CmmsDbApp.RunAsync(args, new ToolConsole(output, error, IsTerminal: false));
        return new WorkloadCli(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>
///     The workload tests load data and run many queries; on a 2-core machine they go faster one after another than
///     competing with each other.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class WorkloadTests
{
    public const string Collection = "Workload";
}
