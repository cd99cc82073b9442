using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Tool;
using Cmms.Data.IntegrationTests.Workload;

namespace Cmms.Data.IntegrationTests.Security;

/// <summary>
///     Every option value is checked while the command line is parsed: a bad one is one usage line and exit code 2,
///     before any database is touched (no connection is given, and none is needed to fail).
/// </summary>
public sealed class OptionValueTests
{
    // Each numeric option of each cmms-db command, with a non-number, a fraction, a negative, an overflow and a value out of its range.
    public static TheoryData<string, string, string> BadValues()
    {
        var data = new TheoryData<string, string, string>();
        void Integer(string command, string option, string outOfRange) => AddInteger(data, command, option, outOfRange);

        void Duration(string command, string option)
        {
            foreach (var value in new[] { "abc", "5x", "-5s", "1e30s", "1000h", "2147483648ms", "0.5ms", "24:00:00:00", "-00:00:05" })
            {
                data.Add(command, option, value);
            }
        }

        void Decimal(string command, string option, string outOfRange)
        {
            foreach (var value in new[] { "abc", "-1", "1e400", outOfRange })
            {
                data.Add(command, option, value);
            }
        }

        Integer("migrate", "--retries", "101");
        Duration("migrate", "--lock-timeout");
        Duration("migrate", "--lock-wait");
        Duration("script", "--lock-timeout");
        Integer("advise", "--min-calls", "-5");
        Integer("advise", "--top", "0");
        Decimal("advise", "--min-mean-ms", "-0.5");
        Decimal("advise", "--min-cost-reduction", "100.5");
        return data;
    }

    // The same for cmms-bench, the benchmark's own executable.
    public static TheoryData<string, string, string> BadBenchValues()
    {
        var data = new TheoryData<string, string, string>();
        void Integer(string command, string option, string outOfRange) => AddInteger(data, command, option, outOfRange);

        void Scale(string command)
        {
            foreach (var value in new[] { "abc", "-1", "0", "1e400", "100.5" })
            {
                data.Add(command, "--scale", value);
            }
        }

        Integer("bench", "--runs", "0");
        Integer("bench", "--warmup", "1000001");
        Integer("bench", "--write-samples", "0");
        Integer("bench", "--migration-samples", "0");
        Integer("bench", "--seed", "-5");
        Integer("verify-plans", "--seed", "-5");
        Scale("bench");
        Scale("verify-plans");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_is_one_usage_line_naming_the_option_and_exit_code_2(string command, string option, string value)
    {
        var run = await CmmsDbRun.InProcessAsync(command, option, value);

        run.ShouldFailWithOneLine(2).Should().StartWith(option + " ").And.Contain("Run 'cmms-db --help' for usage.");
        run.Output.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(BadBenchValues))]
    public async Task A_bad_cmms_bench_value_is_one_usage_line_naming_the_option_and_exit_code_2(string command, string option, string value)
    {
        var run = await CmmsBenchRun.InProcessAsync(command, option, value);

        run.ExitCode.Should().Be(2, run.Error);
        run.ErrorLines.Should().ContainSingle(run.Error).Which.Should().StartWith($"cmms-bench: {option} ").And.Contain("Run 'cmms-bench --help' for usage.");
        run.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData("00:00:05", "5000ms")]
    [InlineData("5s", "5000ms")]
    [InlineData("500ms", "500ms")]
    [InlineData("2m", "120000ms")]
    [InlineData("1.5s", "1500ms")]
    [InlineData("2147483647ms", "2147483647ms")]
    [InlineData("24.20:31:23.647", "2147483647ms")]
    public async Task Durations_are_taken_in_the_form_help_shows_and_in_units_up_to_the_int_milliseconds_postgresql_accepts(string value, string setting)
    {
        var run = await CmmsDbRun.InProcessAsync("script", "--lock-timeout", value);

        run.ShouldSucceed().Output.Should().Contain($"SET lock_timeout = '{setting}';");
    }

    private static void AddInteger(TheoryData<string, string, string> data, string command, string option, string outOfRange)
    {
        foreach (var value in new[] { "abc", "1.5", "-1", "2147483648", "99999999999999999999", outOfRange })
        {
            data.Add(command, option, value);
        }
    }

    [Fact]
    public async Task Help_shows_the_lock_timeout_default_in_a_form_the_option_takes()
    {
        var help = (await CmmsDbRun.InProcessAsync("script", "--help")).Output;
        var shown = System.Text.RegularExpressions.Regex.Match(help, @"--lock-timeout <duration>.*?\[default: (?<value>[^\]]+)\]", System.Text.RegularExpressions.RegexOptions.Singleline);

        shown.Success.Should().BeTrue(help);
        (await CmmsDbRun.InProcessAsync("script", "--lock-timeout", shown.Groups["value"].Value)).ShouldSucceed();
    }

    [Fact]
    public async Task An_unknown_format_is_one_usage_line_listing_the_formats()
    {
        var run = await CmmsDbRun.InProcessAsync("analyze", "--format", "xml");

        run.ShouldFailWithOneLine(2).Should().Contain("'xml'").And.Contain("'text'").And.Contain("'json'").And.Contain("'markdown'");
    }

    [Theory]
    [InlineData("migrate", true, true)]
    [InlineData("status", true, true)]
    [InlineData("analyze", true, true)]
    [InlineData("advise", true, true)]
    [InlineData("lint", true, true)]
    [InlineData("script", false, true)]
    [InlineData("embedded start", false, true)]
    [InlineData("embedded", false, false)]
    public async Task Help_offers_connection_and_json_only_where_they_do_something_and_verbose_everywhere(string command, bool connection, bool json)
    {
        var help = (await CmmsDbRun.InProcessAsync([.. command.Split(' '), "--help"])).Output;

        help.Contains("--connection", StringComparison.Ordinal).Should().Be(connection, help);
        help.Contains("--json", StringComparison.Ordinal).Should().Be(json, help);
        help.Should().Contain("--verbose");
    }

    [Fact]
    public async Task A_connection_string_given_to_a_command_without_connection_is_a_usage_error_that_does_not_echo_it()
    {
        var run = await CmmsDbRun.InProcessAsync("script", "--connection", $"Host=db;Password={ToolTestDefaults.Password}");

        run.ShouldFailWithOneLine(2).Should().Contain("'--connection'");
    }
}
