using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations;

public sealed class ConcurrentIndexRecoveryTests(PostgresDatabaseFixture<ConcurrentIndexRecoveryTests> db)
    : IClassFixture<PostgresDatabaseFixture<ConcurrentIndexRecoveryTests>>
{
    [Fact]
    public async Task Failed_concurrent_unique_build_leaves_no_invalid_index_and_succeeds_when_rerun_after_the_data_is_fixed()
    {
        await ExecuteAsync("CREATE TABLE readings (id bigint PRIMARY KEY, serial text NOT NULL); INSERT INTO readings VALUES (1, 'A'), (2, 'A'), (3, 'B');");
        var commands = Generate(new CreateIndexOperation { Name = "ux_readings_serial", Table = "readings", Columns = ["serial"], IsUnique = true });

        var firstRun = () => RunAsync(commands);
        (await firstRun.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await IndexValidityAsync("ux_readings_serial")).Should().BeEmpty("the failed build's INVALID index is dropped right away");

        await ExecuteAsync("DELETE FROM readings WHERE id = 2");
        await RunAsync(commands);
        (await IndexValidityAsync("ux_readings_serial")).Should().Equal(true);
    }

    [Fact]
    public async Task An_invalid_index_left_by_an_earlier_failed_build_is_replaced_by_a_valid_one()
    {
        await ExecuteAsync("CREATE TABLE probes (id bigint PRIMARY KEY, serial text NOT NULL); INSERT INTO probes VALUES (1, 'A'), (2, 'A');");
        var plainBuild = () => ExecuteAsync("CREATE UNIQUE INDEX CONCURRENTLY ux_probes_serial ON probes (serial)");
        (await plainBuild.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await IndexValidityAsync("ux_probes_serial")).Should().Equal(false);
        await ExecuteAsync("DELETE FROM probes WHERE id = 2");

        await RunAsync(Generate(new CreateIndexOperation { Name = "ux_probes_serial", Table = "probes", Columns = ["serial"], IsUnique = true }));

        (await IndexValidityAsync("ux_probes_serial")).Should().Equal(true);
    }

    [Fact]
    public async Task Rerunning_a_completed_concurrent_build_and_drop_changes_nothing()
    {
        await ExecuteAsync("CREATE TABLE meters (id bigint PRIMARY KEY, zone int NOT NULL);");
        var create = Generate(new CreateIndexOperation { Name = "ix_meters_zone", Table = "meters", Columns = ["zone"] });
        var drop = Generate(new DropIndexOperation { Name = "ix_meters_zone", Table = "meters" });

        await RunAsync(create);
        await RunAsync(create);
        (await IndexValidityAsync("ix_meters_zone")).Should().Equal(true);

        await RunAsync(drop);
        await RunAsync(drop);
        (await IndexValidityAsync("ix_meters_zone")).Should().BeEmpty();
    }

    [Fact]
    public async Task Index_operations_on_a_table_created_in_the_same_migration_stay_transactional()
    {
        var commands = Generate(
            new CreateTableOperation
            {
                Name = "gauges",
                Columns = { new AddColumnOperation { Name = "id", Table = "gauges", ClrType = typeof(long), ColumnType = "bigint" } },
            },
            new CreateIndexOperation { Name = "ix_gauges_id", Table = "gauges", Columns = ["id"] });

        commands.Where(c => c.CommandText.Contains("INDEX", StringComparison.Ordinal))
            .Should().ContainSingle().Which.CommandText.Should().Contain("CREATE INDEX ix_gauges_id ON gauges (id);")
            .And.NotContain("CONCURRENTLY");
        commands.Where(c => c.CommandText.Contains("gauges", StringComparison.Ordinal)).Should().OnlyContain(c => !c.TransactionSuppressed);
    }

    private IReadOnlyList<MigrationCommand> Generate(params MigrationOperation[] operations)
    {
        using var context = CmmsContexts.Create(db.ConnectionString);
        return context.GetService<IMigrationsSqlGenerator>().Generate(operations);
    }

    // Through EF Core's migration command executor, as the migrator runs them.
    private async Task RunAsync(IReadOnlyList<MigrationCommand> commands)
    {
        await using var context = CmmsContexts.Create(db.ConnectionString);
        await context.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, context.GetService<IRelationalConnection>());
    }

    private Task ExecuteAsync(string sql) => Sql.ExecuteAsync(db.ConnectionString, sql);

    private Task<IReadOnlyList<bool>> IndexValidityAsync(string index) => Sql.ListAsync<bool>(
        db.ConnectionString, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1", index);
}
