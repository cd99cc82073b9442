using System.Diagnostics;
using Cmms.Data.Bench.CommandLine;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>Runs cmms-bench in this process, exactly as the executable would, and returns what cmms-db's runs return.</summary>
internal static class CmmsBenchRun
{
    public static async Task<CmmsDbRun> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var elapsed = Stopwatch.StartNew();
        var exitCode = await BenchApp.RunAsync(args, new BenchConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error)));
        return new CmmsDbRun(exitCode, output.ToString(), error.ToString(), elapsed.Elapsed);
    }
}
