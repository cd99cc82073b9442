using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Tool;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>
///     A database that InitialSchema was applied to before the switch to EFCore.NamingConventions (history columns
///     <c>migration_id</c>, <c>product_version</c>) is carried on to AddIndexes by every path of the engine.
/// </summary>
/// <remarks>
///     EFCore.NamingConventions names the history table's columns in snake_case as the hand-written convention did
///     (efcore/EFCore.NamingConventions#1), so nothing about the history table changes; these tests keep it that way.
/// </remarks>
public sealed class HistoryTableCompatibilityTests(PostgresDatabaseFixture<HistoryTableCompatibilityTests> db)
    : IClassFixture<PostgresDatabaseFixture<HistoryTableCompatibilityTests>>
{
    [Fact]
    public async Task MigrateAsync_applies_AddIndexes_to_a_database_migrated_before_the_switch()
    {
        await using var database = await MigratedBeforeTheSwitchAsync("migrate_async");

        await CmmsContexts.MigrateAsync(database.ConnectionString);

        await ShouldBeFullyMigratedAsync(database.ConnectionString);
    }

    [Fact]
    public async Task Dotnet_ef_database_update_applies_AddIndexes_to_a_database_migrated_before_the_switch()
    {
        await using var database = await MigratedBeforeTheSwitchAsync("dotnet_ef");
        (await Repository.DotnetAsync(Repository.Root, null, "tool", "restore")).ExitCode.Should().Be(0);

        var (exitCode, output) = await Repository.DotnetAsync(
            Repository.Root,
            new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = database.ConnectionString },
            "ef", "database", "update", "--project", "migrations/Cmms.Data.Migrations", "--configuration", Repository.Configuration, "--no-build");

        exitCode.Should().Be(0, output);
        await ShouldBeFullyMigratedAsync(database.ConnectionString);
    }

    [Fact]
    public async Task Cmms_db_migrate_applies_AddIndexes_to_a_database_migrated_before_the_switch_and_then_finds_nothing_to_do()
    {
        await using var database = await MigratedBeforeTheSwitchAsync("cmms_db");

        (await CmmsDbRun.InProcessAsync("migrate", "--connection", database.ConnectionString)).ShouldSucceed();
        var status = (await CmmsDbRun.InProcessAsync("status", "--connection", database.ConnectionString, "--json")).ShouldSucceed();

        await ShouldBeFullyMigratedAsync(database.ConnectionString);
        status.Json.GetProperty("pending").GetArrayLength().Should().Be(0, status.Output);
    }

    // `dotnet ef migrations script 0 InitialSchema` of the commit before the switch (9590c46), kept as it was written.
    private async Task<TestDatabase> MigratedBeforeTheSwitchAsync(string purpose)
    {
        var database = await db.CreateScratchDatabaseAsync(purpose);
        await Sql.ExecuteAsync(
            database.ConnectionString,
            await File.ReadAllTextAsync(Path.Combine(
                Repository.Root, "tests", "Cmms.Data.IntegrationTests", "Migrations", "initial-schema-before-naming-conventions.sql")));
        (await ToolDatabase.HistoryAsync(database.ConnectionString)).Should().Equal(ToolDatabase.InitialSchema);
        return database;
    }

    private static async Task ShouldBeFullyMigratedAsync(string connectionString)
    {
        (await ToolDatabase.HistoryAsync(connectionString)).Should().Equal(ToolDatabase.All);
        (await Sql.ListAsync<string>(
                connectionString,
                "SELECT attname::text FROM pg_attribute WHERE attrelid = '\"__EFMigrationsHistory\"'::regclass AND attnum > 0 ORDER BY attnum"))
            .Should().Equal("migration_id", "product_version");
        (await CatalogIndexes.ReadAsync(connectionString)).Should().Contain(i => i.Shape.Name == "ix_orders_user_id_status_created_at" && i.IsValid);
    }
}
