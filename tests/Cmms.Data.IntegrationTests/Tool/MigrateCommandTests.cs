using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class MigrateCommandTests(PostgresDatabaseFixture<MigrateCommandTests> db) : IClassFixture<PostgresDatabaseFixture<MigrateCommandTests>>
{
    // The indexes of the schema's relations as pg_index has them; the migration history table is not the schema's.
    // Written here independently of cmms-db's own query, so that a wrong definition there shows.
    private const string CatalogCountsSql = """
        SELECT am.amname, count(*), count(*) FILTER (WHERE i.indisunique), count(*) FILTER (WHERE i.indpred IS NOT NULL),
               count(*) FILTER (WHERE i.indnkeyatts < i.indnatts)
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_am am ON am.oid = c.relam
        WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> '__EFMigrationsHistory'
        GROUP BY am.amname
        """;

    [Fact]
    public async Task Migrate_to_head_applies_every_migration_and_prints_the_index_summary_pg_index_has()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("migrate head");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);

        var run = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--json", "--pruned")).ShouldSucceed();

        var json = run.Json;
        json.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).Should().Equal(ToolDatabase.All);
        json.GetProperty("upToDate").GetBoolean().Should().BeFalse();
        json.GetProperty("current").GetString().Should().Be(ToolDatabase.Head);
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All);

        var expected = await CatalogCountsAsync(scratch.ConnectionString);
        var indexes = json.GetProperty("indexes");
        indexes.GetProperty("byMethod").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())
            .Should().Equal(expected.ToDictionary(m => m.Method, m => m.Total));
        indexes.GetProperty("total").GetInt32().Should().Be(expected.Sum(m => m.Total));
        indexes.GetProperty("unique").GetInt32().Should().Be(expected.Sum(m => m.Unique));
        indexes.GetProperty("partial").GetInt32().Should().Be(expected.Sum(m => m.Partial)).And.BeGreaterThan(0);
        indexes.GetProperty("covering").GetInt32().Should().Be(expected.Sum(m => m.Covering)).And.BeGreaterThan(0);
        indexes.GetProperty("invalid").GetArrayLength().Should().Be(0);
        indexes.GetProperty("tables").GetInt32().Should().Be(34);
        indexes.GetProperty("materializedViews").GetInt32().Should().Be(1);
        expected.Select(m => m.Method).Should().Contain(["btree", "gin", "brin"]);

        var pruned = PrunedIndexNames();
        indexes.GetProperty("pruned").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal(pruned).And.NotBeEmpty();
        indexes.GetProperty("pruned").EnumerateArray().Should().AllSatisfy(p =>
        {
            p.GetProperty("reason").GetString().Should().NotBeNullOrEmpty();
            p.GetProperty("coveredBy").GetString().Should().NotBeNullOrEmpty();
        });
        run.ErrorLines.Should().NotContain(l => l.StartsWith("cmms-db:", StringComparison.Ordinal), "only a failure's line starts so");
        // A build is named only by names the database really has (never a "(new index) on ?" placeholder).
        foreach (var building in run.ErrorLines.Where(l => l.StartsWith("building ", StringComparison.Ordinal)))
        {
            var words = building.Split(' ');
            words[2].Should().Be("on", building);
            (await Sql.ScalarAsync<long>(scratch.ConnectionString, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{words[1]}' AND tablename = '{words[3].TrimEnd(':')}'"))
                .Should().Be(1, building);
        }

        run.ErrorLines.Where(l => !l.TrimStart().StartsWith("building ", StringComparison.Ordinal)).Should().Equal(
            $"Applying {ToolDatabase.InitialSchema}",
            $"Applying {ToolDatabase.AddIndexes}",
            $"Applying {ToolDatabase.RenameUnusedIndex}");
    }

    [Fact]
    public async Task Migrate_again_says_already_up_to_date_and_prints_the_counts_but_not_the_pruned_list_unless_asked()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("migrate twice");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection)).ShouldSucceed();

        var again = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection)).ShouldSucceed();
        var pruned = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--pruned")).ShouldSucceed();

        var expected = await CatalogCountsAsync(scratch.ConnectionString);
        var countsLine = $"Schema: 34 tables, 1 materialized view, {expected.Sum(m => m.Total)} indexes "
            + $"({string.Join(", ", expected.OrderBy(m => m.Method, StringComparer.Ordinal).Select(m => $"{m.Method} {m.Total}"))}); "
            + $"{expected.Sum(m => m.Unique)} unique, {expected.Sum(m => m.Partial)} partial, {expected.Sum(m => m.Covering)} covering.";
        again.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"Database '{scratch.Name}' is already up to date at {ToolDatabase.Head}.",
            countsLine);
        var lines = pruned.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Take(3).Should().Equal(
            $"Database '{scratch.Name}' is already up to date at {ToolDatabase.Head}.",
            countsLine,
            $"Pruned from the model by the index conventions: {PrunedIndexNames().Count}.");
        lines.Skip(3).Select(l => l.Trim().Split(' ')[0]).Should().Equal(PrunedIndexNames());
        again.Error.Should().BeEmpty("nothing was applied, so there is no progress to report");
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All);
    }

    [Fact]
    public async Task Migrate_status_and_analyze_print_the_same_table_and_index_counts_of_one_database()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("counts agree");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        var migrate = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--json")).ShouldSucceed().Json.GetProperty("indexes");

        var status = (await CmmsDbRun.InProcessAsync("status", "--connection", connection, "--json")).ShouldSucceed().Json.GetProperty("indexes");
        var analyze = (await CmmsDbRun.InProcessAsync("analyze", "--connection", connection, "--format", "json")).Json.GetProperty("summary");
        var analyzeText = (await CmmsDbRun.InProcessAsync("analyze", "--connection", connection)).Output;
        var statusText = (await CmmsDbRun.InProcessAsync("status", "--connection", connection)).ShouldSucceed().Output;

        var expected = (Tables: 34, Views: 1, Indexes: (await CatalogCountsAsync(scratch.ConnectionString)).Sum(m => m.Total));
        (migrate.GetProperty("tables").GetInt32(), migrate.GetProperty("materializedViews").GetInt32(), migrate.GetProperty("total").GetInt32())
            .Should().Be(expected);
        (status.GetProperty("tables").GetInt32(), status.GetProperty("materializedViews").GetInt32(), status.GetProperty("total").GetInt32())
            .Should().Be(expected);
        (analyze.GetProperty("tableCount").GetInt32(), analyze.GetProperty("materializedViewCount").GetInt32(), analyze.GetProperty("indexCount").GetInt32())
            .Should().Be(expected);
        var phrase = $"34 tables, 1 materialized view, {expected.Indexes} indexes";
        analyzeText.Should().Contain(phrase);
        statusText.Should().Contain($"Schema: {phrase} (");
    }

    [Fact]
    public async Task Migrate_with_nothing_pending_rebuilds_an_invalid_index_the_model_declares()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("migrate repairs");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection)).ShouldSucceed();
        const string Index = "ix_orders_user_id_status_created_at";
        var oidBefore = await Sql.ScalarAsync<long>(scratch.ConnectionString, $"SELECT '{Index}'::regclass::oid::bigint");
        // The catalog state a concurrent build leaves when it fails after its migration was recorded (a rerun of the
        // idempotent script stopped by lock_timeout between its drop and its build).
        await Sql.ExecuteAsync(scratch.ConnectionString, $"UPDATE pg_index SET indisvalid = false WHERE indexrelid = '{Index}'::regclass");

        var status = (await CmmsDbRun.InProcessAsync("status", "--connection", connection)).ShouldSucceed();
        var run = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection)).ShouldSucceed();

        status.Output.Should().Contain($"cmms-db migrate rebuilds those the model declares, even with nothing pending): {Index}");
        run.Output.Should().StartWith($"Database '{scratch.Name}' is already up to date at {ToolDatabase.Head}.");
        run.ErrorLines.Should().Contain(
            $"The index {Index} on orders is INVALID (a concurrent build failed after its migration was recorded); rebuilding it.");
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
        (await Sql.ScalarAsync<long>(scratch.ConnectionString, $"SELECT '{Index}'::regclass::oid::bigint")).Should().NotBe(oidBefore, "it was built again");
    }

    [Fact]
    public async Task Migrate_to_InitialSchema_reverts_AddIndexes_and_to_0_empties_the_schema()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("migrate down");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection)).ShouldSucceed();

        var down = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema", "--json")).ShouldSucceed();

        down.Json.GetProperty("reverted").EnumerateArray().Select(e => e.GetString()).Should().Equal(ToolDatabase.RenameUnusedIndex, ToolDatabase.AddIndexes);
        down.Json.GetProperty("current").GetString().Should().Be(ToolDatabase.InitialSchema);
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.InitialSchema);
        down.Json.GetProperty("indexes").GetProperty("total").GetInt32().Should().Be((await CatalogCountsAsync(scratch.ConnectionString)).Sum(m => m.Total));
        down.Json.GetProperty("indexes").GetProperty("byMethod").EnumerateObject().Select(p => p.Name).Should().Equal("btree");

        var empty = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "0")).ShouldSucceed();

        empty.Output.Should().StartWith($"Database '{scratch.Name}': reverted {ToolDatabase.InitialSchema}; now at 0.");
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().BeEmpty();
        (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be(
            "relations: r public.__EFMigrationsHistory, i public.pk___ef_migrations_history; history: ",
            "only EF Core's (empty) history table is left");
    }

    private static List<string> PrunedIndexNames() => [.. ToolDatabase.PrunedIndexes().Select(p => p.Name)];

    private static async Task<List<(string Method, int Total, int Unique, int Partial, int Covering)>> CatalogCountsAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(CatalogCountsSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new List<(string, int, int, int, int)>();
        while (await reader.ReadAsync())
        {
            counts.Add((reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4)));
        }

        return counts;
    }
}
