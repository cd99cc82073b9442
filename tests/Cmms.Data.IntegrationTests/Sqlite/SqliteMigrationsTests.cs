using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     The migration <c>dotnet ef migrations add InitialCreate</c> generated for <see cref="MaintenanceContext" /> on SQLite
///     with the index conventions (committed under Sqlite/Migrations): it matches the model and applies to a new file.
/// </summary>
public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task The_generated_migration_is_the_model_with_the_conventions()
    {
        await using var context = new MaintenanceContext(Options());

        context.Database.GetMigrations().Should().Equal("20261201202627_InitialCreate");
        context.Database.HasPendingModelChanges().Should().BeFalse();
    }

    [Fact]
    public async Task MigrateAsync_creates_the_pruned_index_set_and_a_second_run_changes_nothing()
    {
        await using (var context = new MaintenanceContext(Options()))
        {
            await context.Database.MigrateAsync();
            await context.Database.MigrateAsync();
            (await context.Database.GetAppliedMigrationsAsync()).Should().Equal("20261201202627_InitialCreate");
        }

        using var connection = _file.OpenReadOnly();
        SqliteSchema.CreatedIndexNames(connection).Should().Equal(
            "ix_users_username",
            "ix_worksheets_assignee_id_opened_at",
            "ix_worksheets_machine_id",
            "ix_worksheets_open_by_machine",
            "ux_machines_site_code");
        SqliteSchema.QueryPlan(connection, "DELETE FROM machines WHERE id = 1")
            .Should().Contain("SEARCH worksheets USING COVERING INDEX ix_worksheets_machine_id (machine_id=?)");
    }

    private DbContextOptions Options()
        => new DbContextOptionsBuilder().AllowManyServiceProviders().UseSqlite(_file.ConnectionString).UseSnakeCaseNamingConvention().UseIndexConventions().Options;
}
