using System.Collections.Concurrent;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     The migration engine behind <c>UseSafeMigrations()</c>, driven through <c>MigrateAsync()</c> and <c>Migrate()</c> (what
///     <c>dotnet ef database update</c> and efbundle call) on <see cref="GaugeContext" />, a context that is not Cmms.Data's.
/// </summary>
public sealed class SafeMigrationEngineTests(PostgresDatabaseFixture<SafeMigrationEngineTests> db)
    : IClassFixture<PostgresDatabaseFixture<SafeMigrationEngineTests>>
{
    [Fact]
    public async Task MigrateAsync_builds_the_replacement_index_before_dropping_the_one_it_replaces()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges order");
        var sql = new ConcurrentQueue<string>();
        await using (var context = GaugeContext.Create(scratch.ConnectionString, log: sql))
        {
            await context.Database.MigrateAsync();
        }

        var statements = sql.ToList();
        var create = statements.FindIndex(s => s.Contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_gauges_zone_site", StringComparison.Ordinal));
        var drop = statements.FindIndex(s => s.Contains("DROP INDEX CONCURRENTLY IF EXISTS ix_gauges_zone;", StringComparison.Ordinal));
        create.Should().BePositive();
        drop.Should().BeGreaterThan(create, "the old index stays until its replacement is built");
        statements.Should().Contain(s => s.StartsWith("SET LOCAL lock_timeout = '5000ms'", StringComparison.Ordinal), "CreateGauges runs in one transaction");
        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await IndexesAsync(scratch.ConnectionString)).Should().Equal("PK_gauges valid", "ix_gauges_zone_site valid");
    }

    [Fact]
    public async Task MigrateAsync_says_a_rerun_resumes_the_guarded_statements_outside_a_transaction_instead_of_EFs_revert_manually_warning()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges warning");
        var events = new ConcurrentQueue<string>();
        await using (var context = GaugeContext.Create(scratch.ConnectionString, events: events))
        {
            await context.Database.MigrateAsync();
        }

        var log = string.Join(Environment.NewLine, events);
        log.Should().NotContain("cannot be executed in a transaction").And.NotContain(nameof(RelationalEventId.NonTransactionalMigrationOperationWarning));
        events.Where(e => e.Contains("SafeMigrationsEventId.RerunnableOutsideTransaction", StringComparison.Ordinal))
            .Should().ContainSingle("only ReplaceZoneIndex runs statements outside a transaction").Which.Should().Contain(
                // The new index's build (with the drop of an INVALID leftover before it) and the old index's drop.
                "ReplaceZoneIndex: 3 statement(s) run outside a transaction, as PostgreSQL requires for them, each guarded so that it can run "
                + "again: if the run stops, running the migration again resumes it; nothing needs reverting by hand.");
    }

    [Fact]
    public async Task Concurrent_Migrate_and_MigrateAsync_calls_take_turns_and_apply_each_migration_once()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges racing");
        var progress = new ProgressLog();

        var runs = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var context = GaugeContext.Create(scratch.ConnectionString, safe => safe.ReportProgressTo(progress));
            if (i % 2 == 0)
            {
                await context.Database.MigrateAsync();
            }
            else
            {
                context.Database.Migrate();
            }
        }));
        await Task.WhenAll(runs);

        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await IndexesAsync(scratch.ConnectionString)).Should().Equal("PK_gauges valid", "ix_gauges_zone_site valid");
        progress.Reports.Where(r => r.Kind == MigrationProgressKind.Applying).Select(r => r.Message)
            .Should().Equal([GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex], "only the first run finds anything to apply");
        (await Sql.AdvisoryLocksAsync(scratch.ConnectionString))
            .Should().Be(0, "every run released its lock");
    }

    [Fact]
    public async Task MigrateAsync_retries_behind_an_access_exclusive_lock_naming_its_holder_and_succeeds_once_it_is_released()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges blocked");
        await using (var first = GaugeContext.Create(scratch.ConnectionString))
        {
            await first.Database.MigrateAsync(GaugeMigrations.CreateGauges);
        }

        var progress = new ProgressLog();
        await using var blocker = await scratch.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE gauges IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await using var context = GaugeContext.Create(
            scratch.ConnectionString, safe => safe.LockTimeout(TimeSpan.FromMilliseconds(500)).Retries(5).ReportProgressTo(progress));
        var migrate = context.Database.MigrateAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!progress.Reports.Any(r => r.Kind == MigrationProgressKind.Retrying))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the blocked statement should have hit its lock_timeout by now");
            await Task.Delay(50);
        }

        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty("a failed build leaves no INVALID index for the retry");
        await transaction.CommitAsync();
        await migrate;

        progress.Reports.First(r => r.Kind == MigrationProgressKind.Retrying).Message.Should()
            .StartWith($"ReplaceZoneIndex: a statement waited 500ms (lock_timeout) for a lock held by pid {blocker.ProcessID} (application '")
            .And.EndWith("; retry 1 of 5 in 1s.");
        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await IndexesAsync(scratch.ConnectionString)).Should().Equal("PK_gauges valid", "ix_gauges_zone_site valid");
    }

    [Fact]
    public async Task A_history_written_by_another_application_stops_the_run_before_anything_is_written()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges foreign history");
        await using (var cmms = Migrations.CmmsContexts.Create(scratch.ConnectionString))
        {
            await cmms.Database.MigrateAsync(Tool.ToolDatabase.InitialSchema);
        }

        await using var context = GaugeContext.Create(scratch.ConnectionString);
        var migrate = () => context.Database.MigrateAsync();

        // Cmms.Data's history has snake_case columns (migration_id); GaugeContext's has EF's defaults (MigrationId).
        (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which.Message.Should().Be(
            $"The migration history __EFMigrationsHistory of database '{scratch.Name}' belongs to another application: its columns are not "
            + "the ones GaugeContext writes (column \"MigrationId\" does not exist). Point the connection at GaugeContext's database, or give "
            + "GaugeContext a history table of its own (MigrationsHistoryTable). Nothing was changed.");
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT to_regclass('gauges') IS NULL")).Should().BeTrue();
    }

    private static Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
        => Sql.ListAsync<string>(connectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");

    private static Task<IReadOnlyList<string>> IndexesAsync(string connectionString) => Sql.ListAsync<string>(
        connectionString,
        "SELECT c.relname || CASE WHEN i.indisvalid THEN ' valid' ELSE ' INVALID' END FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        + "WHERE i.indrelid = 'gauges'::regclass ORDER BY 1");
}
