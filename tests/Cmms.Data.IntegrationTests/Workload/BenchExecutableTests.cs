using System.Diagnostics;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Workload;

public sealed class BenchExecutableTests
{
    [Fact]
    public async Task Cmms_db_carries_no_benchmark_or_data_generator_and_knows_no_bench_or_verify_plans_command()
    {
        var cmmsDb = typeof(CmmsDbApp).Assembly;

        cmmsDb.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("cmms-bench");
        cmmsDb.GetTypes().Select(t => t.Namespace ?? string.Empty).Should().NotContain(n => n.Contains("Workload", StringComparison.Ordinal) || n.Contains("Bench", StringComparison.Ordinal));
        foreach (var command in new[] { "bench", "verify-plans" })
        {
            var run = await CmmsDbRun.InProcessAsync(command, "--connection", "Host=localhost;Database=unused");
            run.ExitCode.Should().Be(2, command);
            run.Error.Should().Contain(command);
        }
    }

    [Fact]
    public async Task Cmms_bench_without_a_server_says_how_to_name_one_in_one_line_and_exits_2()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cmms-bench.dll"));
        start.ArgumentList.Add("bench");
        start.Environment.Remove("CMMS_DB_CONNECTION");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        (await output).Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should()
            .Be("cmms-bench: No server to benchmark on: pass --connection \"Host=…;Database=…;Username=…\" or set CMMS_DB_CONNECTION.");
    }
}
