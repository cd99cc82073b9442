using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations;

public sealed class ConcurrentIndexRecoveryTests(PostgresDatabaseFixture<ConcurrentIndexRecoveryTests> db)
    : IClassFixture<PostgresDatabaseFixture<ConcurrentIndexRecoveryTests>>
{
    [Fact]
    public async Task Failed_concurrent_unique_build_is_replaced_by_a_valid_index_when_rerun_after_the_data_is_fixed()
    {
        await ExecuteAsync("CREATE TABLE readings (id bigint PRIMARY KEY, serial text NOT NULL); INSERT INTO readings VALUES (1, 'A'), (2, 'A'), (3, 'B');");
        var commands = Generate(new CreateIndexOperation { Name = "ux_readings_serial", Table = "readings", Columns = ["serial"], IsUnique = true });

        var firstRun = () => RunAsync(commands);
        (await firstRun.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await IndexValidityAsync("ux_readings_serial")).Should().Equal(false);

        var plainRerun = () => ExecuteAsync("CREATE UNIQUE INDEX CONCURRENTLY ux_readings_serial ON readings (serial)");
        (await plainRerun.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.DuplicateTable);

        await ExecuteAsync("DELETE FROM readings WHERE id = 2");
        await RunAsync(commands);

        (await IndexValidityAsync("ux_readings_serial")).Should().Equal(true);
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

    // Each command on its own, outside any transaction, as the migrator runs transaction-suppressed commands.
    private async Task RunAsync(IReadOnlyList<MigrationCommand> commands)
    {
        foreach (var command in commands)
        {
            await ExecuteAsync(command.CommandText);
        }
    }

    private Task ExecuteAsync(string sql) => Sql.ExecuteAsync(db.ConnectionString, sql);

    private Task<IReadOnlyList<bool>> IndexValidityAsync(string index) => Sql.ListAsync<bool>(
        db.ConnectionString, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1", index);
}
