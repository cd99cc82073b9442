using System.Text.Json;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Bench.Catalog;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Plans;
using Cmms.Data.Bench.Schemas;

namespace Cmms.Data.IntegrationTests.Workload;

[Collection(WorkloadTests.Collection)]
public sealed class VerifyPlansCommandTests(PostgresDatabaseFixture<VerifyPlansCommandTests> db) : IClassFixture<PostgresDatabaseFixture<VerifyPlansCommandTests>>
{
    [Fact]
    public async Task Verify_plans_at_scale_0_1_reports_every_catalog_query_on_its_index_and_exits_0()
    {
        var run = await CmmsBenchRun.InProcessAsync("verify-plans", "--scale", "0.1", "--connection", db.ConnectionString, "--json");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        using var result = JsonDocument.Parse(run.Output);
        var root = result.RootElement;
        root.GetProperty("passed").GetBoolean().Should().BeTrue();
        root.GetProperty("scale").GetDouble().Should().Be(0.1);
        root.GetProperty("load").GetProperty("rows").GetInt64().Should().BeGreaterThan(300_000);
        var queries = root.GetProperty("queries").EnumerateArray().ToList();
        queries.Select(q => q.GetProperty("id").GetString()).Should().Equal(QueryCatalog.All.Select(q => q.Id));
        foreach (var query in queries)
        {
            var id = query.GetProperty("id").GetString();
            var expected = query.GetProperty("expectedIndex").GetString();
            query.GetProperty("indexesUsed").EnumerateArray().Select(i => i.GetString()).Should().Contain(expected, id);
            query.GetProperty("verdict").GetString().Should().Be("ok", id);
            query.GetProperty("executionMs").GetDouble().Should().BePositive(id);
            (query.GetProperty("sharedHit").GetInt64() + query.GetProperty("sharedRead").GetInt64()).Should().BePositive(id);
        }

        run.Error.Should().MatchRegex(@"loaded [\d,]+ rows in [\d.]+ s \([\d,]+ rows/s\)");
        (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(ScratchName(run.Error))).Should().BeFalse("the scratch database is dropped");
    }

    [Fact]
    public async Task Verify_plans_refuses_a_scale_below_the_smallest_one_the_plans_are_judged_at_with_one_line_and_exit_code_2()
    {
        var databases = await DatabaseCountAsync();

        var run = await CmmsBenchRun.InProcessAsync("verify-plans", "--scale", "0.01", "--connection", db.ConnectionString);

        run.ExitCode.Should().Be(2, run.Output + run.Error);
        run.Output.Should().BeEmpty();
        run.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith("cmms-bench: --scale 0.01 is below 0.1, the smallest scale at which the planner is expected to use the catalog's indexes")
            .And.Contain("Use --scale 0.1 or more");
        (await DatabaseCountAsync()).Should().Be(databases, "no scratch database is created for a refused run");
    }

    [Fact]
    public async Task Plans_on_tables_of_a_few_pages_fall_back_to_sequential_scans_and_the_table_says_how_many()
    {
        // Below the command's minimum scale the planner honestly prefers scanning a handful of pages to some indexes.
        await using var database = await db.CreateScratchDatabaseAsync("verify_small");
        await MigrationApplier.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync();
        await DataLoader.LoadAsync(connection, VolumePlan.For(0.003), DataLoader.DefaultSeed, progress: null, CancellationToken.None);

        var checks = await PlanVerifier.VerifyAsync(connection, CancellationToken.None);

        checks.Should().HaveCount(25).And.Contain(c => c.Verdict == PlanVerdict.SequentialScan);
        var lines = PlanReportWriter.Table(checks).Split('\n');
        lines[0].Should().MatchRegex("^query +expected index +index used +exec ms +shared hit +shared read +rows +verdict$");
        lines.Should().Contain(l => l.Contains("seq scan on ", StringComparison.Ordinal) && l.EndsWith("SEQ SCAN", StringComparison.Ordinal));
        lines[^1].Should().Be($"{checks.Count(c => !c.Passed)} of 25 catalog queries do not use their index.");
    }

    // Other test classes create databases on the same server meanwhile; only verify-plans creates cmms_verify_* ones.
    private async Task<long> DatabaseCountAsync()
        => await Sql.ScalarAsync<long>(db.ConnectionString, @"SELECT count(*) FROM pg_database WHERE datname LIKE 'cmms\_verify\_%'");

    private static string ScratchName(string error)
    {
        const string marker = "scratch database ";
        var start = error.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return error[start..error.IndexOf(' ', start)];
    }
}
