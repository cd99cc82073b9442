using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary><c>invalid_index</c>, <c>unused_index</c> and <c>bloated_index</c>, produced the way they happen in production.</summary>
public sealed class IndexHealthFindingTests(PostgresDatabaseFixture<IndexHealthFindingTests> db)
    : IClassFixture<PostgresDatabaseFixture<IndexHealthFindingTests>>
{
    [Fact]
    public async Task Failed_concurrent_unique_build_over_duplicate_rows_leaves_an_invalid_index_that_covers_nothing()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            "invalid",
            "CREATE TABLE t (id int PRIMARY KEY, email text)",
            "INSERT INTO t VALUES (1, 'same@example.com'), (2, 'same@example.com')",
            "CREATE INDEX ix_t_email ON t (email)");
        var build = () => Sql.ExecuteAsync(db.ConnectionString, "CREATE UNIQUE INDEX CONCURRENTLY ux_t_email ON invalid.t (email)");
        (await build.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);

        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "invalid");

        var invalid = run.StructuralFindings.Should().ContainSingle().Which;
        invalid.Key.Should().Be(new FindingKey("invalid_index", "invalid.t", "ux_t_email"));
        invalid.Severity.Should().Be("error");
        invalid.Detail.Should().Contain("duplicate rows");
        invalid.Fix.Should().Be(
            "DROP INDEX CONCURRENTLY IF EXISTS invalid.ux_t_email;" + Environment.NewLine
            + "CREATE UNIQUE INDEX CONCURRENTLY ux_t_email ON invalid.t USING btree (email);");
    }

    [Fact]
    public async Task Index_scanned_less_than_the_threshold_since_the_reset_is_unused_unless_it_enforces_or_serves_something()
    {
        await using var database = await db.CreateScratchDatabaseAsync("unused");
        await Sql.ExecuteEachAsync(
            database.ConnectionString,
            "CREATE TABLE parent (id int PRIMARY KEY)",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, d int, parent_id int REFERENCES parent)",
            "INSERT INTO parent SELECT g FROM generate_series(1, 100) g",
            "INSERT INTO t SELECT g, g, g, g, g, g FROM generate_series(1, 100) g",
            "CREATE INDEX ix_t_a ON t (a)",
            "CREATE INDEX ix_t_b ON t (b)",
            "CREATE UNIQUE INDEX ux_t_c ON t (c)",
            "CREATE INDEX ix_t_d ON t (d)",
            "CREATE INDEX ix_t_parent_id ON t (parent_id)",
            "ANALYZE",
            "SELECT pg_stat_reset()");
        await ScanAsync(database.ConnectionString, ("a", 60), ("d", 10));

        var run = await AnalyzeRun.JsonAsync(database.ConnectionString);

        run.Keys().Should().BeEquivalentTo([
            new FindingKey("unused_index", "public.t", "ix_t_b"),
            new FindingKey("unused_index", "public.t", "ix_t_d"),
        ]);
        run.Findings.Should().OnlyContain(f => f.Severity == "info", "statistics reset seconds ago are thin evidence");
        run.Findings.Single(f => f.Index == "ix_t_d").Detail.Should().Contain("was scanned 10 times since the statistics reset at")
            .And.Contain("16 kB")
            .And.MatchRegex(@"Too early to judge: the statistics cover only \d+ minutes \(7 days needed\)\.$");
        run.Result.Json.GetProperty("summary").GetProperty("statisticsResetAt").GetDateTimeOffset()
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Btree_left_mostly_empty_by_deletes_is_bloated_and_a_fresh_one_is_not()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            "bloat",
            "CREATE TABLE churned (id bigint PRIMARY KEY, v int NOT NULL)",
            "INSERT INTO churned SELECT g, g FROM generate_series(1, 200000) g",
            "CREATE INDEX ix_churned_v ON churned (v)",
            "DELETE FROM churned WHERE id % 10 <> 0",
            "CREATE TABLE fresh (id bigint PRIMARY KEY, name text NOT NULL, note text)",
            "INSERT INTO fresh SELECT g, 'name-' || g, CASE WHEN g % 2 = 0 THEN 'n' END FROM generate_series(1, 100000) g",
            "CREATE INDEX ix_fresh_name_note ON fresh (name, note)");
        await Sql.ExecuteEachAsync(db.ConnectionString, "VACUUM ANALYZE bloat.churned", "ANALYZE bloat.fresh");

        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "bloat");

        run.StructuralKeys.Should().BeEquivalentTo([
            new FindingKey("bloated_index", "bloat.churned", "churned_pkey"),
            new FindingKey("bloated_index", "bloat.churned", "ix_churned_v"),
        ]);
        var bloated = run.StructuralFindings.Single(f => f.Index == "ix_churned_v");
        bloated.Detail.Should().MatchRegex(@"its 20,000 entries need about \d+ kB: an estimated [89]\d(\.\d)?% ");
        bloated.Fix.Should().Be("REINDEX INDEX CONCURRENTLY bloat.ix_churned_v;");

        await Sql.ExecuteAsync(db.ConnectionString, bloated.Fix);
        (await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "bloat")).StructuralKeys
            .Should().BeEquivalentTo([new FindingKey("bloated_index", "bloat.churned", "churned_pkey")]);
    }

    // Scans each column's index the given number of times, then waits until the statistics show them
    // (they reach shared memory asynchronously: https://www.postgresql.org/docs/15/monitoring-stats.html).
    private static async Task ScanAsync(string connectionString, params (string Column, int Times)[] scans)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await Sql.ExecuteEachAsync(
            unpooled,
            [
                "SET enable_seqscan = off; SET enable_bitmapscan = off",
                .. scans.SelectMany(s => Enumerable.Range(1, s.Times).Select(i => $"SELECT 1 FROM t WHERE {s.Column} = {i}")),
                "SELECT pg_stat_force_next_flush()",
            ]);

        var expected = scans.Sum(s => s.Times);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Sql.ScalarAsync<long>(connectionString, "SELECT COALESCE(sum(idx_scan), 0)::bigint FROM pg_stat_user_indexes WHERE relname = 't'") < expected)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the scans should reach the statistics within 30 seconds");
            await Task.Delay(100);
        }
    }
}
