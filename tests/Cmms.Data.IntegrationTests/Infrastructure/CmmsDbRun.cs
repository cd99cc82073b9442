using System.Diagnostics;
using System.Text.Json;
using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>One run of cmms-db, in process or as a child process: exit code, standard output, standard error, duration.</summary>
internal sealed record CmmsDbRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Runs cmms-db in this process, exactly as the executable would (without a terminal).</summary>
    public static async Task<CmmsDbRun> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var elapsed = Stopwatch.StartNew();
        var exitCode = await CmmsDbApp.RunAsync(args, new ToolConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), IsTerminal: false));
        return new CmmsDbRun(exitCode, output.ToString(), error.ToString(), elapsed.Elapsed);
    }

    /// <summary>The lines of standard error, without empty ones.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The parsed standard output of a <c>--json</c> run.</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}
