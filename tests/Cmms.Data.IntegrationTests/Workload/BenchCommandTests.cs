using System.Text.Json;
using System.Xml.Linq;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Workload;

[Collection(WorkloadTests.Collection)]
public sealed class BenchCommandTests(PostgresDatabaseFixture<BenchCommandTests> db) : IClassFixture<PostgresDatabaseFixture<BenchCommandTests>>, IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("cmms-bench-test-");

    public void Dispose() => _output.Delete(recursive: true);

    // The smoke of every scenario: correctness of the runner at a tiny scale, not timings.
    [Fact]
    public async Task Bench_at_a_tiny_scale_writes_a_report_results_and_charts_with_consistent_figures_for_every_scenario()
    {
        var efbundle = await Tool.Efbundle.PathAsync();
        var run = await CmmsBenchRun.InProcessAsync(
            "bench", "--scale", "0.01", "--runs", "3", "--warmup", "1", "--write-samples", "5", "--migration-samples", "1",
            "--writers", "2", "--phase-seconds", "0.5", "--migration-load-runs", "1", "--migration-time-runs", "1", "--delete-scales", "0.01",
            "--startup-runs", "2", "--cmms-db", Path.Combine(AppContext.BaseDirectory, "cmms-db"), "--efbundle", efbundle,
            "--output", _output.FullName, "--connection", db.ConnectionString);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output.FullName, "results.json")));
        var root = json.RootElement;
        root.GetProperty("scale").GetDouble().Should().Be(0.01);
        var machine = root.GetProperty("machine");
        machine.GetProperty("cores").GetInt32().Should().Be(Environment.ProcessorCount);
        machine.GetProperty("memoryBytes").GetInt64().Should().BePositive();
        machine.GetProperty("postgresVersion").GetString().Should().MatchRegex(@"^\d+\.\d+");

        var schemas = root.GetProperty("schemas").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        schemas.Keys.Should().Equal("unindexed", "asDeclared", "cmmsData");
        schemas.Values.Select(s => s.GetProperty("rows").GetInt64()).Distinct().Should().ContainSingle("the same data goes into every schema");
        var bytes = schemas.ToDictionary(s => s.Key, s => s.Value.GetProperty("indexBytes").GetInt64());
        bytes["unindexed"].Should().BePositive();
        bytes["unindexed"].Should().BeLessThan(bytes["cmmsData"], "keys only weigh less than the pruned set");
        bytes["cmmsData"].Should().BeLessThan(bytes["asDeclared"], "pruning removes indexes");
        schemas["cmmsData"].GetProperty("indexCount").GetInt32().Should().BeLessThan(schemas["asDeclared"].GetProperty("indexCount").GetInt32());

        var queries = root.GetProperty("queries").EnumerateArray().ToList();
        queries.Should().HaveCount(25);
        foreach (var query in queries)
        {
            var median = (string schema) => query.GetProperty("schemas").GetProperty(schema).GetProperty("server").GetProperty("median").GetDouble();
            median("unindexed").Should().BePositive();
            query.GetProperty("schemas").GetProperty("cmmsData").GetProperty("server").GetProperty("runs").GetInt32().Should().Be(3);
            query.GetProperty("speedupUnindexed").GetDouble().Should().BeApproximately(median("unindexed") / median("cmmsData"), 1e-9);
            query.GetProperty("ratioAsDeclared").GetDouble().Should().BeApproximately(median("asDeclared") / median("cmmsData"), 1e-9);
            query.GetProperty("controlRatio").GetDouble().Should().BePositive("the A/A control measures (b) a second time");
        }

        var writes = root.GetProperty("writes").EnumerateArray().ToList();
        var ordersWrite = writes.Single(w => w.GetProperty("table").GetString() == "orders").GetProperty("schemas");
        writes.Select(w => w.GetProperty("table").GetString()).Should().Equal("orders", "guests", "user_activity_logs", "user_interactions", "api_request_logs");
        foreach (var timing in writes.SelectMany(w => w.GetProperty("schemas").EnumerateObject().Select(s => s.Value)))
        {
            timing.GetProperty("bulkRowsPerSecond").GetDouble().Should().BePositive();
            timing.GetProperty("insertServer").GetProperty("median").GetDouble().Should().BePositive();
            timing.GetProperty("updateClient").GetProperty("p95").GetDouble().Should().BeGreaterThanOrEqualTo(timing.GetProperty("updateClient").GetProperty("median").GetDouble());
        }

        root.GetProperty("migrations").GetProperty("apply").GetProperty("median").GetDouble().Should().BePositive();
        BenchScenarioAssertions.MigrationUnderLoad(root.GetProperty("migrationUnderLoad"));
        BenchScenarioAssertions.ParentDeletes(root.GetProperty("parentDeletes"));
        BenchScenarioAssertions.MigrationTime(root.GetProperty("migrationTime"));
        BenchScenarioAssertions.Startup(root.GetProperty("startup"));

        var targets = root.GetProperty("targets").EnumerateArray().ToList();
        targets.Should().HaveCount(13);
        foreach (var target in targets)
        {
            target.GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
            target.GetProperty("target").GetString().Should().NotBeNullOrWhiteSpace();
            target.GetProperty("measured").GetString().Should().NotBeNullOrWhiteSpace();
            target.GetProperty("holds").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
        }

        var ordersBytes = schemas.ToDictionary(s => s.Key, s => s.Value.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "orders").GetProperty("indexBytes").GetInt64());
        targets[4].GetProperty("measured").GetString().Should().StartWith(((double)ordersBytes["cmmsData"] / ordersBytes["asDeclared"]).ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
        var ordersBulk = ordersWrite.GetProperty("cmmsData").GetProperty("bulkRowsPerSecond").GetDouble() / ordersWrite.GetProperty("asDeclared").GetProperty("bulkRowsPerSecond").GetDouble();
        targets[3].GetProperty("measured").GetString().Should().StartWith(ordersBulk.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "x");
        var lockWaits = root.GetProperty("migrationUnderLoad").GetProperty("engines").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("longestLockWaitMs").GetDouble());
        targets[7].GetProperty("name").GetString().Should().Be("longest writer lock wait, plain EF Core / Cmms.Data");
        targets[7].GetProperty("measured").GetString().Should().StartWith((lockWaits["plainEfCore"] / Math.Max(lockWaits["cmmsData"], 10)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "x");

        var migrationArms = root.GetProperty("migrationTime").GetProperty("arms").EnumerateArray()
            .ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("milliseconds").GetProperty("median").GetDouble());
        targets[12].GetProperty("name").GetString().Should().Contain("in 2 parallel build sessions");
        targets[12].GetProperty("measured").GetString().Should().StartWith(
            (migrationArms["cmmsDataParallel"] / migrationArms["plainEfCore"]).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " (");

        var report = await File.ReadAllTextAsync(Path.Combine(_output.FullName, "report.md"));
        report.Should().Contain($"{Environment.ProcessorCount} cores").And.Contain(machine.GetProperty("postgresVersion").GetString())
            .And.Contain("| Q25 ").And.Contain("## Targets").And.Contain("chart.svg").And.Contain("writer-latency.svg")
            .And.Contain("## 1. AddIndexes under write load").And.Contain("## 2. Deleting a parent row (or updating its key)").And.Contain("## 3. AddIndexes on the loaded database")
            .And.Contain("## 4. Start-up").And.Contain("| `cmms-db status` |").And.Contain("| `efbundle` |");
        var svg = XDocument.Load(Path.Combine(_output.FullName, "chart.svg"));
        svg.Root!.Name.LocalName.Should().Be("svg");
        svg.Root.Attribute("width")!.Value.Should().Be("960");
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Should().Contain(["Q1", "Q25", "(c) Cmms.Data"]);
        var timeline = XDocument.Load(Path.Combine(_output.FullName, "writer-latency.svg"));
        timeline.Descendants().Where(e => e.Name.LocalName == "polyline").Select(e => e.Elements().Single().Value).Should().Equal("plain EF Core", "Cmms.Data");
        run.Output.Should().Contain("Wrote report.md, results.json, chart.svg and writer-latency.svg");

        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var leftover = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'cmms\\_bench\\_%'", connection);
        ((long)(await leftover.ExecuteScalarAsync())!).Should().Be(0, "every benchmark database is dropped");
    }
}
