using System.Text.Json;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>
///     The smoke of <c>cmms-bench analyze-speed</c> at a small scale: the generator's catalog is what cmms-db reports
///     (the command itself refuses a report that misses a planted finding), and hyperfine's runs are returned. Timings
///     are not judged here: they come from the benchmark's report (docs/benchmarks/analyze-speed.md).
/// </summary>
[Collection(WorkloadTests.Collection)]
public sealed class AnalyzeSpeedCommandTests(PostgresDatabaseFixture<AnalyzeSpeedCommandTests> db)
    : IClassFixture<PostgresDatabaseFixture<AnalyzeSpeedCommandTests>>
{
    [Fact]
    public async Task A_small_generated_catalog_is_reported_with_every_planted_finding_and_timed()
    {
        var run = await CmmsBenchRun.InProcessAsync(
            "analyze-speed", "--tables", "23", "--indexes", "110", "--runs", "2", "--warmup", "0",
            "--cmms-db", Path.Combine(AppContext.BaseDirectory, "cmms-db"), "--json", "--connection", db.ConnectionString);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var result = json.RootElement;
        (result.GetProperty("tables").GetInt32(), result.GetProperty("indexes").GetInt32()).Should().Be((23, 110));
        var reported = result.GetProperty("reported");
        (reported.GetProperty("tableCount").GetInt32(), reported.GetProperty("indexCount").GetInt32()).Should().Be((23, 110));
        // Tables 10 and 20 lack their foreign key's index; 7, 14 and 21 have a duplicate; 11 and 22 a redundant prefix.
        reported.GetProperty("foreignKeysWithoutIndex").GetInt32().Should().Be(2);
        reported.GetProperty("duplicates").GetInt32().Should().Be(3);
        reported.GetProperty("redundant").GetInt32().Should().Be(2);
        var times = result.GetProperty("times");
        times.GetProperty("runs").GetInt32().Should().Be(2);
        times.GetProperty("min").GetDouble().Should().BePositive().And.BeLessThanOrEqualTo(result.GetProperty("mean").GetDouble());
        (await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM pg_database WHERE datname LIKE 'cmms_analyze_speed_%'"))
            .Should().Be(0, "the scratch database is dropped");
    }

    [Fact]
    public async Task Indexes_that_do_not_fit_the_tables_are_a_usage_error_in_one_line()
    {
        var run = await CmmsBenchRun.InProcessAsync("analyze-speed", "--tables", "10", "--indexes", "15", "--connection", db.ConnectionString);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be("cmms-bench: --indexes 15 does not fit --tables 10: give 2 to 11 indexes per table (20 to 110)." + Environment.NewLine);
    }
}
