using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>A command given without its subcommand shows its help on standard output and exits 0, not a usage error.</summary>
public sealed class BareCommandTests
{
    [Fact]
    public async Task Bare_cmms_db_prints_the_help_listing_every_command_and_exits_0()
    {
        var run = await CmmsDbRun.InProcessAsync();

        run.ShouldSucceed().Error.Should().BeEmpty();
        // The usage line names the executable: cmms-db when installed, the test host in this process.
        run.Output.Should().StartWith("Description:").And.Contain("Usage:").And.Contain(" [command] [options]");
        run.Output.Should().Contain("  migrate ").And.Contain("  embedded ");
    }

    [Fact]
    public async Task Embedded_without_start_stop_or_status_prints_its_own_help_and_exits_0()
    {
        var run = await CmmsDbRun.InProcessAsync("embedded");

        run.ShouldSucceed().Error.Should().BeEmpty();
        run.Output.Should().Contain(" embedded [command] [options]").And.Contain("  status ");
    }

    [Fact]
    public async Task An_unknown_command_is_still_a_usage_error_of_one_line()
    {
        var run = await CmmsDbRun.InProcessAsync("frobnicate");

        run.ShouldFailWithOneLine(2).Should().Be("Unrecognized command or argument 'frobnicate'. Run 'cmms-db --help' for usage.");
        run.Output.Should().BeEmpty();
    }
}
