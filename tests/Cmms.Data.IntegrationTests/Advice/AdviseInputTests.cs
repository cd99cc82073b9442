using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Advice;

/// <summary>
///     <c>cmms-db advise</c> on the shared test server (no pg_stat_statements preloaded): statements from a file, a
///     hostile table name, and each missing piece reported in one line.
/// </summary>
public sealed class AdviseInputTests(PostgresDatabaseFixture<AdviseInputTests> db) : IClassFixture<PostgresDatabaseFixture<AdviseInputTests>>
{
    // A table and column whose names need quoting, with enough rows that a scan costs more than an index.
    private const string Schema = """"
        CREATE EXTENSION IF NOT EXISTS hypopg;
        CREATE TABLE IF NOT EXISTS "Odd ""Readings""" (id bigint PRIMARY KEY, "Machine Id" bigint NOT NULL, taken_at timestamptz NOT NULL, value numeric);
        INSERT INTO "Odd ""Readings""" SELECT g, g % 500, timestamptz '2026-01-01' + g * interval '1 minute', g FROM generate_series(1, 50000) g ON CONFLICT DO NOTHING;
        ANALYZE "Odd ""Readings""";
        """";

    [Fact]
    public async Task Advise_on_a_file_proposes_one_composite_for_two_statements_quotes_hostile_names_and_lists_each_bad_statement()
    {
        await Sql.ExecuteAsync(db.ConnectionString, Schema);
        var file = await WriteQueriesAsync(
            """"
            SELECT id, value FROM "Odd ""Readings""" WHERE "Machine Id" = $1 ORDER BY taken_at DESC LIMIT 10;
            SELECT count(*) FROM "Odd ""Readings""" WHERE "Machine Id" = 42;
            SELEC 1;
            SELECT * FROM no_such_table WHERE x = 1;
            DELETE FROM "Odd ""Readings""";
            -- a comment; with a semicolon
            SELECT 'a;b' AS "x;y" FROM "Odd ""Readings""" WHERE id = 5
            """");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--queries", file, "--format", "json");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        var root = run.Json;
        root.GetProperty("source").GetString().Should().Be("file");
        var proposal = root.GetProperty("proposals").EnumerateArray().Should().ContainSingle("one composite serves both statements").Subject;
        proposal.GetProperty("statements").GetArrayLength().Should().Be(2);
        proposal.GetProperty("table").GetString().Should().Be("Odd \"Readings\"");
        proposal.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal("Machine Id", "taken_at");
        proposal.GetProperty("name").GetString().Should().Be("ix_Odd \"Readings\"_Machine Id_taken_at");
        proposal.GetProperty("createSql").GetString().Should().Be(
            "CREATE INDEX CONCURRENTLY \"ix_Odd \"\"Readings\"\"_Machine Id_taken_at\" ON public.\"Odd \"\"Readings\"\"\" (\"Machine Id\", taken_at DESC);");
        proposal.GetProperty("efCore").GetString().Should().Be(
            "builder.HasIndex([\"Machine Id\", \"taken_at\"], \"ix_Odd \\\"Readings\\\"_Machine Id_taken_at\").IsDescending(false, true);");
        proposal.GetProperty("entityType").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "the database carries no Cmms.Data model");

        var reasons = root.GetProperty("unhelped").EnumerateArray()
            .ToDictionary(u => u.GetProperty("sql").GetString()!, u => (Reason: u.GetProperty("reason").GetString(), Detail: u.GetProperty("detail").GetString()));
        reasons["SELEC 1"].Reason.Should().Be("not_parseable");
        reasons["SELECT * FROM no_such_table WHERE x = 1"].Should().Be(("failed_to_plan", "42P01: relation \"no_such_table\" does not exist"));
        reasons["DELETE FROM \"Odd \"\"Readings\"\"\""].Reason.Should().Be("not_a_query");
        reasons.Should().ContainKey("-- a comment; with a semicolon\nSELECT 'a;b' AS \"x;y\" FROM \"Odd \"\"Readings\"\"\" WHERE id = 5")
            .WhoseValue.Reason.Should().Be("already_optimal");
        (await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM \"Odd \"\"Readings\"\"\"")).Should().Be(50_000, "nothing was executed");

        await Sql.ExecuteAsync(db.ConnectionString, proposal.GetProperty("createSql").GetString()!);
        (await Sql.ScalarAsync<string>(db.ConnectionString, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_Odd \"Readings\"_Machine Id_taken_at'"))
            .Should().Contain("(\"Machine Id\", taken_at DESC)");
    }

    [Fact]
    public async Task Advise_measures_covering_and_expression_indexes_with_hypopg_and_their_sql_gives_the_plans_it_measured()
    {
        // A server of its own: VACUUM marks pages all-visible (what makes an index-only scan cheap) only when no other
        // session's snapshot is older than the rows, which the shared test server's parallel tests cannot promise.
        await using var server = await LocalPostgresCluster.StartThrowawayAsync();
        var database = new { ConnectionString = server.ConnectionString };
        await Sql.ExecuteAsync(
            database.ConnectionString,
            """
            CREATE EXTENSION hypopg;
            CREATE TABLE people (id bigint PRIMARY KEY, email text NOT NULL, team int NOT NULL, name text NOT NULL, notes text);
            INSERT INTO people SELECT g, 'User' || g || '@example.com', g % 100, 'name ' || g, repeat('x', 200) FROM generate_series(1, 100000) g;
            """);
        // Index-only scans are costed by the share of all-visible pages, which VACUUM sets; the throwaway server commits
        // asynchronously (synchronous_commit off), and VACUUM marks a page all-visible only once the inserting commit is
        // flushed, which CHECKPOINT does.
        await Sql.ExecuteAsync(database.ConnectionString, "CHECKPOINT");
        await Sql.ExecuteAsync(database.ConnectionString, "VACUUM ANALYZE people");
        (await Sql.ScalarAsync<int>(database.ConnectionString, "SELECT relallvisible FROM pg_class WHERE relname = 'people'")).Should().BePositive();
        var file = await WriteQueriesAsync("SELECT id FROM people WHERE lower(email) = $1; SELECT name FROM people WHERE team = $1");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", database.ConnectionString, "--queries", file, "--format", "json");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        var proposals = run.Json.GetProperty("proposals").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        proposals.Keys.Should().BeEquivalentTo("ix_people_lower_email", "ix_people_team");
        foreach (var proposal in proposals.Values)
        {
            proposal.GetProperty("verified").GetBoolean().Should().BeTrue("HypoPG 1.3 simulates btree expression and INCLUDE indexes");
            var effect = proposal.GetProperty("statements").EnumerateArray().Should().ContainSingle().Subject;
            effect.GetProperty("costAfter").GetDouble().Should().BeLessThan(effect.GetProperty("costBefore").GetDouble() / 2);
        }

        var expression = proposals["ix_people_lower_email"];
        expression.GetProperty("columns")[0].GetProperty("name").GetString().Should().Be("lower(email)");
        expression.GetProperty("createSql").GetString().Should().Be("CREATE INDEX CONCURRENTLY ix_people_lower_email ON public.people ((lower(email)));");
        expression.GetProperty("efCore").GetString().Should().Be(
            "migrationBuilder.Sql(\"CREATE INDEX CONCURRENTLY ix_people_lower_email ON public.people ((lower(email)));\", suppressTransaction: true); // EF Core's HasIndex takes properties, not expressions");

        var covering = proposals["ix_people_team"];
        covering.GetProperty("include").EnumerateArray().Select(c => c.GetString()).Should().Equal(["name"], run.Output);
        covering.GetProperty("createSql").GetString().Should().Be("CREATE INDEX CONCURRENTLY ix_people_team ON public.people (team) INCLUDE (name);");
        covering.GetProperty("efCore").GetString().Should().Be("builder.HasIndex([\"team\"], \"ix_people_team\").IncludeProperties(\"name\");");

        foreach (var proposal in proposals.Values)
        {
            await Sql.ExecuteAsync(database.ConnectionString, proposal.GetProperty("createSql").GetString()!);
        }

        await Sql.ExecuteAsync(database.ConnectionString, "VACUUM ANALYZE people");
        (await PlanAsync(database.ConnectionString, "SELECT id FROM people WHERE lower(email) = 'user7@example.com'")).Should().Contain("ix_people_lower_email");
        (await PlanAsync(database.ConnectionString, "SELECT name FROM people WHERE team = 7")).Should().Contain("Index Only Scan using ix_people_team");
    }

    [Fact]
    public async Task A_proposal_is_never_named_like_a_relation_that_exists_in_its_schema()
    {
        await using var database = await db.CreateScratchDatabaseAsync("advise_names");
        await Sql.ExecuteAsync(
            database.ConnectionString,
            """
            CREATE EXTENSION hypopg;
            CREATE TABLE t (id bigint PRIMARY KEY, a bigint NOT NULL);
            INSERT INTO t SELECT g, g % 1000 FROM generate_series(1, 20000) g;
            CREATE SEQUENCE ix_t_a;
            ANALYZE t;
            """);
        var file = await WriteQueriesAsync("SELECT id FROM t WHERE a = $1");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", database.ConnectionString, "--queries", file, "--format", "json");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Json.GetProperty("proposals").EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("createSql").GetString().Should().Be("CREATE INDEX CONCURRENTLY ix_t_a_2 ON public.t (a);");
    }

    [Fact]
    public async Task Advise_exits_1_with_one_line_when_no_statement_of_the_file_can_be_planned()
    {
        await Sql.ExecuteAsync(db.ConnectionString, "CREATE EXTENSION IF NOT EXISTS hypopg");
        var file = await WriteQueriesAsync("SELEC 1; UPDATE nowhere SET x = 1;");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--queries", file);

        run.ExitCode.Should().Be(1, run.Output + run.Error);
        run.Output.Should().Contain("not parseable (42601: syntax error at or near \"SELEC\"), 1 calls: SELEC 1")
            .And.Contain("not a query (only queries are advised), 1 calls: UPDATE nowhere SET x = 1");
        run.ErrorLines.Should().Equal("cmms-db: error: no statement on a user table could be planned, so there is no advice: see the reasons above.");
    }

    [Fact]
    public async Task Advise_without_hypopg_says_in_one_line_how_to_enable_it()
    {
        await using var database = await db.CreateScratchDatabaseAsync("advise_no_hypopg");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", database.ConnectionString);

        run.ExitCode.Should().Be(1);
        run.Output.Should().BeEmpty();
        run.ErrorLines.Should().Equal($"cmms-db: error: HypoPG is not enabled in database {database.Name}: run CREATE EXTENSION hypopg there (as its owner or a superuser), then retry.");
    }

    [Fact]
    public async Task Advise_without_pg_stat_statements_says_in_one_line_how_to_enable_it()
    {
        await using var database = await db.CreateScratchDatabaseAsync("advise_no_pgss");
        await Sql.ExecuteAsync(database.ConnectionString, "CREATE EXTENSION hypopg");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", database.ConnectionString);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().Equal(
            $"cmms-db: error: pg_stat_statements is not enabled in database {database.Name}: add pg_stat_statements to shared_preload_libraries "
            + "in postgresql.conf, restart the server and run CREATE EXTENSION pg_stat_statements there; or pass --queries FILE.");
    }

    [Fact]
    public async Task Advise_with_pg_stat_statements_created_but_not_preloaded_says_so_in_one_line()
    {
        await using var database = await db.CreateScratchDatabaseAsync("advise_not_loaded");
        await Sql.ExecuteAsync(database.ConnectionString, "CREATE EXTENSION hypopg; CREATE EXTENSION pg_stat_statements");

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", database.ConnectionString);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().Equal(
            $"cmms-db: error: pg_stat_statements is created in database {database.Name} but not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server, or pass --queries FILE.");
    }

    private static async Task<string> WriteQueriesAsync(string sql)
    {
        var path = Path.Combine(Path.GetTempPath(), $"advise-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, sql);
        return path;
    }

    private static async Task<string> PlanAsync(string connectionString, string sql)
        => string.Join('\n', await Sql.ListAsync<string>(connectionString, "EXPLAIN " + sql));
}
