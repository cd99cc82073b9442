using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary><c>--ignore</c>: findings a team accepted are left out, counted in the notes, and no longer fail the gate.</summary>
public sealed class BaselineTests(PostgresDatabaseFixture<BaselineTests> db) : IClassFixture<PostgresDatabaseFixture<BaselineTests>>
{
    [Fact]
    public async Task Accepted_findings_are_left_out_and_the_rest_still_fail_the_gate()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            "accepted",
            "CREATE TABLE \"Order Lines\" (id int PRIMARY KEY, a int)",
            "CREATE INDEX ix_a ON \"Order Lines\" (a)",
            "CREATE INDEX ix_a_copy ON \"Order Lines\" (a)",
            "CREATE TABLE no_key (a int)");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "# accepted on 2026-12-01\n\nduplicate_index accepted.\"Order Lines\" *\n");
            var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "accepted", "--ignore", file);

            run.StructuralKeys.Should().BeEquivalentTo([new FindingKey("table_without_primary_key", "accepted.no_key")]);
            run.Result.Json.GetProperty("summary").GetProperty("notes").EnumerateArray().Select(n => n.GetString())
                .Should().Contain("1 finding(s) left out: accepted in the baseline.");

            await File.AppendAllTextAsync(file, "table_without_primary_key accepted.no_key\n");
            var gated = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--schema", "accepted", "--ignore", file, "--fail-on", "warning");
            gated.ExitCode.Should().Be(0, gated.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_baseline_line_of_an_unknown_kind_or_a_missing_file_is_one_usage_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "unused_index public.t ix\nunused_indexes public.t ix\n");
            var bad = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--ignore", file);
            var missing = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--ignore", file + ".nope");

            bad.ExitCode.Should().Be(2);
            bad.Error.Trim().Should().Be("cmms-db: error: Baseline line 2 is not 'kind table [index]' with a kind of analyze (such as unused_index): fix or remove it.");
            missing.ExitCode.Should().Be(2);
            missing.Error.Trim().Should().Be($"cmms-db: error: Baseline file {file}.nope not found: pass the path of an existing file to --ignore.");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
