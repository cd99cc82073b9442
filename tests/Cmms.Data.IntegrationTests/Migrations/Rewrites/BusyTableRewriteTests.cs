using System.Diagnostics;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.SafeSchemaBench;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     Each rewrite applied by EF Core's migrator to a table of 200,000 rows while another session inserts and updates
///     it without pause: the migration completes, no row is lost, and no write waited as long as the lock_timeout.
/// </summary>
public sealed class BusyTableRewriteTests(PostgresDatabaseFixture<BusyTableRewriteTests> db)
    : IClassFixture<PostgresDatabaseFixture<BusyTableRewriteTests>>
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Foreign_key_is_added_and_validated_while_writes_flow()
    {
        await ApplyWhileWritingAsync<ForeignKeyScenario>(ForeignKeyScenario.Table, ForeignKeyScenario.MigrationId);

        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "fk_busy_fk_parents")).Should().BeTrue();
    }

    [Fact]
    public async Task Check_constraint_is_added_and_validated_while_writes_flow()
    {
        await ApplyWhileWritingAsync<CheckScenario>(CheckScenario.Table, CheckScenario.MigrationId);

        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "ck_busy_check_value")).Should().BeTrue();
    }

    [Fact]
    public async Task Column_becomes_not_null_while_writes_flow_and_the_helper_check_is_gone()
    {
        await ApplyWhileWritingAsync<NotNullScenario>(NotNullScenario.Table, NotNullScenario.MigrationId);

        (await BusyTables.ColumnIsNotNullAsync(db.ConnectionString, NotNullScenario.Table, "serial")).Should().BeTrue();
        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "busy_not_null_serial_not_null")).Should().BeNull();
    }

    [Fact]
    public async Task Unique_constraint_is_built_concurrently_and_attached_while_writes_flow()
    {
        await ApplyWhileWritingAsync<UniqueScenario>(UniqueScenario.Table, UniqueScenario.MigrationId);

        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "ak_busy_unique_serial")).Should().BeTrue();
        (await BusyTables.IndexValidityAsync(db.ConnectionString, "ak_busy_unique_serial")).Should().Equal(true);
    }

    [Fact]
    public async Task Primary_key_is_built_concurrently_and_attached_while_writes_flow()
    {
        await ApplyWhileWritingAsync<PrimaryKeyScenario>(PrimaryKeyScenario.Table, PrimaryKeyScenario.MigrationId, withPrimaryKey: false);

        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "pk_busy_pk")).Should().BeTrue();
        (await BusyTables.IndexValidityAsync(db.ConnectionString, "pk_busy_pk")).Should().Equal(true);
    }

    private async Task ApplyWhileWritingAsync<TScenario>(string table, string migrationId, bool withPrimaryKey = true)
    {
        await BusyTables.CreateAsync(db.ConnectionString, table, BusyTables.Rows, withPrimaryKey);
        var before = await BusyTables.CountAsync(db.ConnectionString, $"SELECT sum(value) FROM {table}");

        var writer = await BusyWriter.StartAsync(db.ConnectionString, table, BusyTables.Rows);
        TimeSpan migrationTime;
        await using (writer)
        {
            writer.StartMeasuring();
            var clock = Stopwatch.StartNew();
            await RewriteContext<TScenario>.MigrateAsync(db.ConnectionString, LockTimeout);
            migrationTime = clock.Elapsed;
        }

        writer.Errors.Should().BeEmpty();
        writer.Statements.Should().BeGreaterThan(0, "the writer kept writing while the migration ran ({0})", migrationTime);
        writer.LongestStatement.Should().BeLessThan(LockTimeout);
        (await RewriteContext<TScenario>.AppliedAsync(db.ConnectionString)).Should().Equal(migrationId);

        // Every original row is still there, and every update the writer made to them added to their values.
        (await BusyTables.CountAsync(db.ConnectionString, $"SELECT count(*) FROM {table} WHERE id <= {BusyTables.Rows}")).Should().Be(BusyTables.Rows);
        (await BusyTables.CountAsync(db.ConnectionString, $"SELECT sum(value) FROM {table} WHERE id <= {BusyTables.Rows}")).Should().BeGreaterThan(before);
    }
}
