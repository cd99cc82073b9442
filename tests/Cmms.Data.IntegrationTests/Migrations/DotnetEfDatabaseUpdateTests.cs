using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>
///     Runs <c>dotnet ef database update</c> exactly as the README documents it, against the build this test runs from.
/// </summary>
public sealed class DotnetEfDatabaseUpdateTests(PostgresDatabaseFixture<DotnetEfDatabaseUpdateTests> db)
    : IClassFixture<PostgresDatabaseFixture<DotnetEfDatabaseUpdateTests>>
{
    [Fact]
    public async Task Dotnet_ef_database_update_applies_both_migrations_with_the_design_time_factory()
    {
        // A fresh clone has not restored the local tool manifest (.config/dotnet-tools.json) yet.
        var restore = await Repository.DotnetAsync(Repository.Root, null, "tool", "restore");
        restore.ExitCode.Should().Be(0, restore.Output);

        var update = await Repository.DotnetAsync(
            Repository.Root,
            new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = db.ConnectionString },
            "ef", "database", "update", "--project", "migrations/Cmms.Data.Migrations", "--configuration", Repository.Configuration, "--no-build");

        update.ExitCode.Should().Be(0, update.Output);
        await using var context = CmmsContexts.Create(db.ConnectionString);
        (await context.Database.GetAppliedMigrationsAsync()).Should().HaveCount(2);
        (await CatalogIndexes.ReadAsync(db.ConnectionString)).Should().Contain(i => i.Shape.Name == "ix_orders_user_id_status_created_at" && i.IsValid);
    }
}
