using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     The rewrites through the idempotent script path (psql -f): the guarded steps run outside the history check, the
///     script runs again without error, and a data failure stops it with the same one line until the data is fixed.
/// </summary>
public sealed class RewriteScriptTests(PostgresDatabaseFixture<RewriteScriptTests> db) : IClassFixture<PostgresDatabaseFixture<RewriteScriptTests>>
{
    private const int Rows = 1_000;

    [Fact]
    public Task Foreign_key_script_runs_twice_and_validates()
        => RunTwiceAsync<ForeignKeyScenario>(ForeignKeyScenario.Table, ForeignKeyScenario.MigrationId, "fk_busy_fk_parents");

    [Fact]
    public Task Check_constraint_script_runs_twice_and_validates()
        => RunTwiceAsync<CheckScenario>(CheckScenario.Table, CheckScenario.MigrationId, "ck_busy_check_value");

    [Fact]
    public async Task Not_null_script_runs_twice_and_leaves_no_helper_check()
    {
        await RunTwiceAsync<NotNullScenario>(NotNullScenario.Table, NotNullScenario.MigrationId, constraint: null);

        (await BusyTables.ColumnIsNotNullAsync(db.ConnectionString, NotNullScenario.Table, "serial")).Should().BeTrue();
        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "busy_not_null_serial_not_null")).Should().BeNull();
    }

    [Fact]
    public Task Unique_constraint_script_runs_twice_and_attaches_the_index()
        => RunTwiceAsync<UniqueScenario>(UniqueScenario.Table, UniqueScenario.MigrationId, "ak_busy_unique_serial");

    [Fact]
    public Task Primary_key_script_runs_twice_and_attaches_the_index()
        => RunTwiceAsync<PrimaryKeyScenario>(PrimaryKeyScenario.Table, PrimaryKeyScenario.MigrationId, "pk_busy_pk", withPrimaryKey: false);

    [Fact]
    public async Task Script_stops_on_orphan_rows_with_the_one_line_and_completes_after_the_fix()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("script_failure");
        await BusyTables.CreateAsync(scratch.ConnectionString, ForeignKeyScenario.Table, Rows);
        await Sql.ExecuteAsync(scratch.ConnectionString, $"UPDATE {ForeignKeyScenario.Table} SET parent_id = 99999 WHERE id = 7");
        var script = await WriteScriptAsync<ForeignKeyScenario>(scratch.ConnectionString);

        var (failed, output) = await PostgresClientTools.RunScriptAsync(scratch.ConnectionString, script);
        failed.Should().NotBe(0);
        output.Should().Contain("The foreign key fk_busy_fk_parents on table busy_fk cannot be validated")
            .And.Contain("Find the rows with: SELECT d.* FROM busy_fk AS d WHERE d.parent_id IS NOT NULL");
        (await BusyTables.ConstraintValidatedAsync(scratch.ConnectionString, "fk_busy_fk_parents")).Should().BeFalse();

        await Sql.ExecuteAsync(scratch.ConnectionString, $"UPDATE {ForeignKeyScenario.Table} SET parent_id = 1 WHERE id = 7");
        var (exitCode, rerun) = await PostgresClientTools.RunScriptAsync(scratch.ConnectionString, script);
        exitCode.Should().Be(0, rerun);
        (await BusyTables.ConstraintValidatedAsync(scratch.ConnectionString, "fk_busy_fk_parents")).Should().BeTrue();
        (await RewriteContext<ForeignKeyScenario>.AppliedAsync(scratch.ConnectionString)).Should().Equal(ForeignKeyScenario.MigrationId);
    }

    private async Task RunTwiceAsync<TScenario>(string table, string migrationId, string? constraint, bool withPrimaryKey = true)
    {
        await BusyTables.CreateAsync(db.ConnectionString, table, Rows, withPrimaryKey);
        var script = await WriteScriptAsync<TScenario>(db.ConnectionString);

        for (var run = 1; run <= 2; run++)
        {
            var (exitCode, output) = await PostgresClientTools.RunScriptAsync(db.ConnectionString, script);
            exitCode.Should().Be(0, $"run {run} must succeed: {output}");
        }

        (await RewriteContext<TScenario>.AppliedAsync(db.ConnectionString)).Should().Equal(migrationId);
        (await Sql.InvalidIndexesAsync(db.ConnectionString)).Should().BeEmpty();
        if (constraint is not null)
        {
            (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, constraint)).Should().BeTrue();
        }
    }

    private static async Task<string> WriteScriptAsync<TScenario>(string connectionString)
    {
        await using var context = RewriteContext<TScenario>.Create(connectionString, TimeSpan.FromSeconds(2));
        var sql = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var path = Path.Combine(Directory.CreateTempSubdirectory("cmms-rewrite-script-").FullName, "script.sql");
        await File.WriteAllTextAsync(path, sql);
        return path;
    }
}
