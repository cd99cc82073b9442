using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Migrations;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary><c>cmms-db lint</c>: what it lints (pending migrations, --all, --script), its formats and its gate.</summary>
public sealed class LintCommandTests(PostgresDatabaseFixture<LintCommandTests> db) : IClassFixture<PostgresDatabaseFixture<LintCommandTests>>
{
    private const string RiskyScript = """
        CREATE TABLE fresh (id bigint PRIMARY KEY);
        CREATE INDEX ix_fresh_id ON fresh (id);
        -- cmms-lint: acknowledge CMMS1103 nightly maintenance window
        LOCK TABLE machines;
        UPDATE machines SET zone = 0;
        """;

    [Fact]
    public async Task Pending_migrations_of_a_database_are_linted_until_they_are_applied()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("lint_pending");

        var before = await CmmsDbRun.InProcessAsync("lint", "--connection", scratch.ConnectionString, "--json");
        before.ExitCode.Should().Be(0, before.Error);
        before.Json.GetProperty("sources").EnumerateArray().Select(s => s.GetString())
            .Should().Equal(ToolDatabase.All);
        before.Json.GetProperty("findings").GetArrayLength().Should().Be(0);

        await CmmsContexts.MigrateAsync(scratch.ConnectionString);
        var after = await CmmsDbRun.InProcessAsync("lint", "--connection", scratch.ConnectionString, "--json");
        after.Json.GetProperty("sources").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task All_lints_every_migration_without_a_database()
    {
        var run = await CmmsDbRun.InProcessAsync("lint", "--all", "--fail-on", "warning");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Trim().Should().Be($"0 error(s), 0 warning(s), 0 acknowledged in all {ToolDatabase.All.Count} migrations.");
    }

    [Fact]
    public async Task Script_findings_gate_on_severity_and_acknowledged_ones_pass()
    {
        var script = await WriteScriptAsync("deploy.sql", RiskyScript);

        var text = await CmmsDbRun.InProcessAsync("lint", "--script", script);
        text.ExitCode.Should().Be(0);
        text.Output.Should().Contain("warning CMMS1107 sql-update-backfill in deploy.sql: UPDATE machines")
            .And.Contain("acknowledged CMMS1103 sql-lock-table in deploy.sql: LOCK TABLE machines")
            .And.Contain("  acknowledged: nightly maintenance window")
            .And.NotContain("CMMS1101", "the index is on a table the script creates");

        (await CmmsDbRun.InProcessAsync("lint", "--script", script, "--fail-on", "error")).ExitCode.Should().Be(0);
        var gated = await CmmsDbRun.InProcessAsync("lint", "--script", script, "--fail-on", "warning");
        gated.ExitCode.Should().Be(1);
        gated.ErrorLines.Should().Equal("cmms-db: error: 0 error(s), 1 warning(s), 1 acknowledged in the script 'deploy.sql' (--fail-on warning).");
    }

    [Fact]
    public async Task Json_and_markdown_carry_every_finding_and_escape_names()
    {
        var script = await WriteScriptAsync("a|b*.sql", RiskyScript);

        var json = (await CmmsDbRun.InProcessAsync("lint", "--script", script, "--format", "json")).Json;
        json.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("severity").GetString(), f.GetProperty("isAcknowledged").GetBoolean()))
            .Should().Equal(("CMMS1103", "Error", true), ("CMMS1107", "Warning", false));

        var markdown = (await CmmsDbRun.InProcessAsync("lint", "--script", script, "--format", "markdown")).Output;
        markdown.Should().Contain(@"| Error | CMMS1103 sql-lock-table | a\|b\*.sql | LOCK TABLE machines | nightly maintenance window |");
    }

    [Fact]
    public async Task Missing_script_is_one_usage_line()
    {
        var run = await CmmsDbRun.InProcessAsync("lint", "--script", Path.Combine(Path.GetTempPath(), "no-such-script.sql"));

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("cmms-db: error: The script").And.EndWith("pass an existing SQL file to --script.");
    }

    private static async Task<string> WriteScriptAsync(string name, string sql)
    {
        var directory = Directory.CreateTempSubdirectory("cmms-lint-").FullName;
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, sql);
        return path;
    }
}
