namespace Cmms.Data.IntegrationTests.Infrastructure;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task Run_returns_the_exit_code_and_standard_output_then_error()
    {
        var (exitCode, output) = await ChildProcess.RunAsync("sh", ["-c", "echo out; echo err >&2; exit 3"]);

        exitCode.Should().Be(3);
        output.Should().Be("out\nerr\n");
    }

    [Fact]
    public async Task Run_kills_a_program_that_overruns_its_timeout_and_names_the_command()
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var run = () => ChildProcess.RunAsync("sh", ["-c", "sleep 60"], timeout: TimeSpan.FromMilliseconds(500));

        (await run.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().StartWith("sh -c \"sleep 60\" did not exit within");
        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }
}
