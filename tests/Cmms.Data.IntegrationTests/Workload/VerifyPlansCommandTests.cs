using System.Text.Json;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Bench.Catalog;

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
    public async Task Verify_plans_exits_1_when_a_query_falls_back_to_a_sequential_scan()
    {
        // At a tiny scale the planner honestly prefers scanning a handful of pages to using some of the indexes.
        var run = await CmmsBenchRun.InProcessAsync("verify-plans", "--scale", "0.003", "--connection", db.ConnectionString);

        run.ExitCode.Should().Be(1, run.Output + run.Error);
        var lines = run.Output.TrimEnd().Split('\n');
        lines[0].Should().MatchRegex("^query +expected index +index used +exec ms +shared hit +shared read +rows +verdict$");
        lines.Should().Contain(l => l.Contains("seq scan on ", StringComparison.Ordinal) && l.EndsWith("SEQ SCAN", StringComparison.Ordinal));
        lines[^1].Should().MatchRegex("^[1-9][0-9]* of 25 catalog queries do not use their index\\.$");
    }

    private static string ScratchName(string error)
    {
        const string marker = "scratch database ";
        var start = error.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return error[start..error.IndexOf(' ', start)];
    }
}
