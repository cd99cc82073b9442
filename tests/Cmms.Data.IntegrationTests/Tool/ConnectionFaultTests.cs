using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class ConnectionFaultTests(PostgresDatabaseFixture<ConnectionFaultTests> db) : IClassFixture<PostgresDatabaseFixture<ConnectionFaultTests>>
{
    [Fact]
    public async Task Malformed_connection_string_fails_with_one_usage_line_that_never_repeats_the_password()
    {
        var before = await ToolDatabase.FingerprintAsync(db.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", $"Host=127.0.0.1;Database={db.DatabaseName};Password={ToolTestDefaults.Password};Port=not-a-port");

        run.ShouldFailWithOneLine(2).Should().StartWith("The connection string given with --connection is malformed").And.Contain("Host=…;Port=5432");
        (await ToolDatabase.FingerprintAsync(db.ConnectionString)).Should().Be(before);
    }

    [Fact]
    public async Task Unreachable_host_fails_with_one_line_naming_host_and_port_bounded_by_the_connect_timeout()
    {
        // Nothing listens on a port just released. What matters is that a failed connection is reported, not retried or
        // waited out: one line (a retry would print more) within the connect timeout set here plus a margin wide enough
        // for a loaded 2-core machine, where this in-process run has taken over 20 s.
        const int connectTimeoutSeconds = 5;
        var port = LoopbackPort.FindFree();

        var run = await CmmsDbRun.InProcessAsync(
            "migrate",
            "--connection",
            $"Host=127.0.0.1;Port={port};Database=cmms;Username=postgres;Password={ToolTestDefaults.Password};Timeout={connectTimeoutSeconds}");

        run.ShouldFailWithOneLine(1).Should().StartWith($"Cannot reach PostgreSQL at 127.0.0.1:{port}").And.Contain("Check Host and Port");
        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(connectTimeoutSeconds + 55));
    }

    [Fact]
    public async Task Unknown_command_exits_with_2_and_one_line_naming_it()
    {
        var run = await CmmsDbRun.InProcessAsync("migrat", "--connection", ToolDatabase.WithPassword(db.ConnectionString));

        run.ShouldFailWithOneLine(2).Should().Contain("'migrat'").And.EndWith("Run 'cmms-db --help' for usage.");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_option_exits_with_2_and_one_line_naming_it_without_touching_the_database()
    {
        var before = await ToolDatabase.FingerprintAsync(db.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(db.ConnectionString), "--frobnicate");

        run.ShouldFailWithOneLine(2).Should().Contain("'--frobnicate'");
        (await ToolDatabase.FingerprintAsync(db.ConnectionString)).Should().Be(before);
    }

    [Fact]
    public async Task Bad_option_value_exits_with_2_and_one_line_saying_how_to_write_it()
    {
        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(db.ConnectionString), "--lock-timeout", "5 minutes");

        run.ShouldFailWithOneLine(2).Should().Contain("--lock-timeout takes a duration like 500ms, 5s, 2m, 1h or 00:00:05, not '5 minutes'.");
    }
}
