using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class MigrationPreflightTests(PostgresDatabaseFixture<MigrationPreflightTests> db)
    : IClassFixture<PostgresDatabaseFixture<MigrationPreflightTests>>
{
    [Fact]
    public async Task Unknown_migration_name_fails_with_one_line_listing_the_known_ones_and_changes_nothing()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("unknown target");
        var before = await ToolDatabase.FingerprintAsync(scratch.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString), "--to", "AddIndexs");

        run.ShouldFailWithOneLine(2).Should().Be(
            $"Unknown migration 'AddIndexs' for --to. Known migrations: 0 (empty schema), InitialSchema ({ToolDatabase.InitialSchema}), AddIndexes ({ToolDatabase.AddIndexes}), RenameUnusedPhoneVerificationsIndex ({ToolDatabase.RenameUnusedIndex}).");
        (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be(before).And.Be("relations: none; history: ");
    }

    [Fact]
    public async Task Unknown_migration_name_for_script_fails_with_the_same_line()
    {
        var run = await CmmsDbRun.InProcessAsync("script", "--from", "Initial");

        run.ShouldFailWithOneLine(2).Should().StartWith("Unknown migration 'Initial' for --from. Known migrations: 0 (empty schema), InitialSchema");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task History_holding_a_migration_this_build_does_not_know_fails_with_one_line_and_changes_nothing()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("newer history");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema")).ShouldSucceed();
        await Sql.ExecuteAsync(
            scratch.ConnectionString,
            "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ('20991231000000_FromTheFuture', '10.0.14')");
        var before = await ToolDatabase.FingerprintAsync(scratch.ConnectionString);

        foreach (var target in new[] { "AddIndexes", "0" })
        {
            var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", target);

            run.ShouldFailWithOneLine(1).Should().Be(
                $"The migration history __EFMigrationsHistory of database '{scratch.Name}' holds 1 migration(s) that CmmsDbContext's migrations "
                + "do not include (20991231000000_FromTheFuture): a newer build of it migrated this database. Migrate with that build. Nothing was changed.");
            (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be(before);
        }

        var status = (await CmmsDbRun.InProcessAsync("status", "--connection", connection, "--json")).ShouldSucceed();
        status.Json.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()).Should().Equal("20991231000000_FromTheFuture");
    }

    [Fact]
    public async Task Database_without_our_history_but_with_colliding_tables_fails_with_one_line_and_changes_nothing()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("foreign database");
        await Sql.ExecuteAsync(scratch.ConnectionString, "CREATE TABLE users (id int PRIMARY KEY, login text); CREATE TABLE orders (id int)");
        var before = await ToolDatabase.FingerprintAsync(scratch.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString));

        run.ShouldFailWithOneLine(1).Should().Be(
            $"Database '{scratch.Name}' has no migration history for CmmsDbContext but already has 2 of its tables (orders, users): "
            + "its schema was made without these migrations. Point the connection at an empty database or one migrated by CmmsDbContext. "
            + "Nothing was changed.");
        (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be(before).And.NotContain("__EFMigrationsHistory");
    }

    [Fact]
    public async Task Database_migrated_by_another_application_is_named_as_such_and_left_unchanged()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("other application");
        await Sql.ExecuteAsync(scratch.ConnectionString, """
            CREATE TABLE "__EFMigrationsHistory" (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20240101000000_Billing', '9.0.0'), ('20240202000000_Invoices', '9.0.0');
            CREATE TABLE invoices (id int PRIMARY KEY);
            """);
        var before = await ToolDatabase.FingerprintAsync(scratch.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString));

        run.ShouldFailWithOneLine(1).Should().Be(
            $"The migration history __EFMigrationsHistory of database '{scratch.Name}' belongs to another application: none of its 2 migration(s) "
            + "(20240101000000_Billing, 20240202000000_Invoices) is a migration of CmmsDbContext. Point the connection at CmmsDbContext's database, "
            + "or give CmmsDbContext a history table of its own (MigrationsHistoryTable). Nothing was changed.");
        run.Error.Should().NotContain("newer");
        (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be(before);
    }
}
