using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     Drift against the Cmms.Data model (<c>missing_index</c>, <c>unexpected_index</c>), on databases migrated with
///     the real Cmms.Data migrations.
/// </summary>
public sealed class ModelDriftTests(PostgresDatabaseFixture<ModelDriftTests> db)
    : IClassFixture<PostgresDatabaseFixture<ModelDriftTests>>, IAsyncLifetime
{
    private static readonly string[] IndexJudgements =
        ["duplicate_index", "redundant_index", "fk_without_index", "invalid_index", "missing_index", "unexpected_index"];

    public Task InitializeAsync() => MigrateAsync(db.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Fully_migrated_cmms_database_analyzes_clean_against_the_model_chosen_from_its_history()
    {
        var run = await AnalyzeRun.JsonAsync(db.ConnectionString);

        run.Result.Json.GetProperty("summary").GetProperty("model").GetString().Should().Be("cmms");
        run.Findings.Where(f => IndexJudgements.Contains(f.Kind)).Should().BeEmpty();
        run.Result.Json.GetProperty("summary").GetProperty("tableCount").GetInt32().Should().BeGreaterThan(30);
    }

    [Fact]
    public async Task Dropped_reshaped_and_extra_indexes_are_missing_and_unexpected_until_their_fixes_run()
    {
        await using var database = await db.CreateScratchDatabaseAsync("drift");
        await MigrateAsync(database.ConnectionString);
        await Sql.ExecuteEachAsync(
            database.ConnectionString,
            "DROP INDEX ix_orders_approved_at",
            "DROP INDEX ix_orders_created_at",
            "CREATE INDEX ix_orders_created_at ON orders (created_at, id)",
            "CREATE INDEX ix_orders_total_amount ON orders (total_amount)");

        var run = await AnalyzeRun.JsonAsync(database.ConnectionString);

        run.Keys("unused_index").Should().BeEquivalentTo([
            new FindingKey("missing_index", "public.orders", "ix_orders_approved_at"),
            new FindingKey("missing_index", "public.orders", "ix_orders_created_at"),
            new FindingKey("unexpected_index", "public.orders", "ix_orders_total_amount"),
        ]);
        var missing = run.Findings.Where(f => f.Kind == "missing_index").ToDictionary(f => f.Index!);
        var reshaped = missing["ix_orders_created_at"];
        reshaped.Detail.Should().Be(
            "ix_orders_created_at differs from the Cmms.Data model (key columns): database (created_at, id), model (created_at).");
        missing["ix_orders_approved_at"].Fix
            .Should().Be("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_approved_at ON orders (approved_at);");

        foreach (var fix in run.Findings.Where(f => f.Kind != "unused_index").SelectMany(f => f.Fix.Split(Environment.NewLine)))
        {
            await Sql.ExecuteAsync(database.ConnectionString, fix);
        }

        var after = await AnalyzeRun.JsonAsync(database.ConnectionString);
        after.Findings.Where(f => IndexJudgements.Contains(f.Kind)).Should().BeEmpty();
    }

    [Fact]
    public async Task Index_rebuilt_without_its_include_column_or_with_other_nulls_order_differs_from_the_model()
    {
        await using var database = await db.CreateScratchDatabaseAsync("drift_shape");
        await MigrateAsync(database.ConnectionString);
        await Sql.ExecuteEachAsync(
            database.ConnectionString,
            "DROP INDEX ix_tracks_popular",
            "CREATE INDEX ix_tracks_popular ON tracks (play_count DESC) WHERE play_count > 0",
            "DROP INDEX ix_users_created_at",
            "CREATE INDEX ix_users_created_at ON users (created_at DESC NULLS LAST)");

        var run = await AnalyzeRun.JsonAsync(database.ConnectionString);

        var missing = run.Findings.Where(f => f.Kind == "missing_index").ToDictionary(f => f.Index!, f => f.Detail);
        missing.Keys.Should().BeEquivalentTo(["ix_tracks_popular", "ix_users_created_at"]);
        missing["ix_tracks_popular"].Should().StartWith("ix_tracks_popular differs from the Cmms.Data model (INCLUDE columns)");
        missing["ix_users_created_at"].Should().StartWith("ix_users_created_at differs from the Cmms.Data model (sort order)");
    }

    [Fact]
    public async Task Model_none_skips_drift_and_a_foreign_history_does_not_select_the_model()
    {
        await using var database = await db.CreateScratchDatabaseAsync("foreign_history");
        await Sql.ExecuteEachAsync(
            database.ConnectionString,
            "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)",
            "INSERT INTO \"__EFMigrationsHistory\" VALUES ('20200101000000_SomeoneElses', '8.0.0')",
            "CREATE TABLE orders (id int PRIMARY KEY, note text)",
            "CREATE INDEX ix_orders_note ON orders (note)");

        var automatic = await AnalyzeRun.JsonAsync(database.ConnectionString);
        var forced = await AnalyzeRun.JsonAsync(db.ConnectionString, "--model", "none");

        automatic.Result.Json.GetProperty("summary").GetProperty("model").GetString().Should().Be("none");
        automatic.Findings.Should().NotContain(f => f.Kind == "missing_index" || f.Kind == "unexpected_index");
        forced.Result.Json.GetProperty("summary").GetProperty("model").GetString().Should().Be("none");
        forced.Findings.Should().NotContain(f => f.Kind == "missing_index" || f.Kind == "unexpected_index");
    }

    [Fact]
    public async Task Role_that_may_not_read_the_history_is_told_so_and_can_still_ask_for_the_model()
    {
        await using var role = await ReadOnlyRole.CreateAsync(db.ConnectionString, "public");

        var automatic = await AnalyzeRun.JsonAsync(role.ConnectionString);
        var forced = await AnalyzeRun.JsonAsync(role.ConnectionString, "--model", "cmms");

        automatic.Result.Json.GetProperty("summary").GetProperty("model").GetString().Should().Be("none");
        automatic.Result.Json.GetProperty("summary").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(
            "__EFMigrationsHistory exists but this role may not read it, so the model drift check did not run: run it with ModelCheck.Always (cmms-db analyze --model cmms).");
        forced.Result.Json.GetProperty("summary").GetProperty("model").GetString().Should().Be("cmms");
        forced.Findings.Where(f => IndexJudgements.Contains(f.Kind)).Should().BeEmpty();
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var context = new CmmsDbContext(new DbContextOptionsBuilder<CmmsDbContext>().UseCmmsData(connectionString).Options);
        await context.Database.MigrateAsync();
    }
}
