using System.Collections.Concurrent;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     <c>MigrateAsync()</c> and <c>Migrate()</c> (what <c>dotnet ef database update</c> and efbundle call) on a database
///     with nothing to do end before the migration lock: a session holding that lock does not hold them up. Whatever
///     EF Core's migrator does on a no-op that users rely on (the pending-model-changes error, seeding) still happens,
///     and anything to do (a pending migration, an INVALID index the model declares) still goes through the engine.
/// </summary>
public sealed class NoOpMigrateTests(PostgresDatabaseFixture<NoOpMigrateTests> db) : IClassFixture<PostgresDatabaseFixture<NoOpMigrateTests>>
{
    private const string HolderApplication = "noop-lock-holder";

    private static readonly TimeSpan ShortLockWait = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task MigrateAsync_on_an_up_to_date_database_does_not_wait_for_a_session_holding_the_migration_lock()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop async");
        await MigrateFieldAsync(scratch.ConnectionString);
        await using var holder = await HoldMigrationLockAsync(scratch.ConnectionString);
        var progress = new ProgressLog();
        var log = new ConcurrentQueue<string>();

        await using (var context = FieldContext.Create(scratch.ConnectionString, safe => safe.LockWait(ShortLockWait).ReportProgressTo(progress), log))
        {
            await context.Database.MigrateAsync();
        }

        progress.Reports.Should().BeEmpty("the run neither waited for the lock nor applied or repaired anything");
        log.Should().Contain(l => l.Contains("No migrations were applied. The database is already up to date.", StringComparison.Ordinal));
        log.Should().Contain(l => l.Contains(
            "The history __EFMigrationsHistory holds every migration and no index of the model's schemas is INVALID: nothing to do, so the "
            + "migration lock was not taken.",
            StringComparison.Ordinal));
        (await HolderStillHoldsAsync(holder)).Should().BeTrue();
    }

    [Fact]
    public async Task Migrate_as_dotnet_ef_and_efbundle_call_it_does_not_wait_for_the_lock_either()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop sync");
        await MigrateFieldAsync(scratch.ConnectionString);
        await using var holder = await HoldMigrationLockAsync(scratch.ConnectionString);

        await using (var context = FieldContext.Create(scratch.ConnectionString, safe => safe.LockWait(ShortLockWait)))
        {
            context.Database.Migrate();
        }

        (await HolderStillHoldsAsync(holder)).Should().BeTrue();
    }

    [Fact]
    public async Task A_pending_migration_still_waits_for_the_lock_and_gives_up_after_lock_wait_with_nothing_changed()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop pending");
        await using (var first = GaugeContext.Create(scratch.ConnectionString))
        {
            await first.Database.MigrateAsync(GaugeMigrations.CreateGauges);
        }

        await using var holder = await HoldMigrationLockAsync(scratch.ConnectionString);
        await using var context = GaugeContext.Create(scratch.ConnectionString, safe => safe.LockWait(ShortLockWait));
        var migrate = () => context.Database.MigrateAsync();

        (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which.Message.Should().StartWith(
            $"Another migrator still holds the migration lock on database '{scratch.Name}' after 1s: pid {holder.ProcessID} (application '{HolderApplication}'");
        (await Sql.ListAsync<string>(scratch.ConnectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""))
            .Should().Equal(GaugeMigrations.CreateGauges);
    }

    [Fact]
    public async Task An_INVALID_index_the_model_declares_outside_the_default_schema_is_rebuilt_with_nothing_pending()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop field repair");
        await MigrateFieldAsync(scratch.ConnectionString);
        var index = $"{FieldContext.Schema}.{FieldContext.Index}";
        var oidBefore = await Sql.ScalarAsync<long>(scratch.ConnectionString, $"SELECT '{index}'::regclass::oid::bigint");
        await MigrationsUpToDateCheckTests.MarkInvalidAsync(scratch.ConnectionString, index);
        var progress = new ProgressLog();

        await using (var context = FieldContext.Create(scratch.ConnectionString, safe => safe.ReportProgressTo(progress)))
        {
            await context.Database.MigrateAsync();
        }

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.InvalidIndexRepaired).Select(r => r.Message).Should().Equal(
            $"The index {FieldContext.Index} on readings is INVALID (a concurrent build failed after its migration was recorded); rebuilding it.");
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
        (await Sql.ScalarAsync<long>(scratch.ConnectionString, $"SELECT '{index}'::regclass::oid::bigint")).Should().NotBe(oidBefore, "it was built again");
    }

    [Fact]
    public async Task An_INVALID_index_in_a_schema_the_model_does_not_use_neither_stops_the_no_op_nor_is_touched()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop elsewhere");
        await MigrateFieldAsync(scratch.ConnectionString);
        await MigrationsUpToDateCheckTests.CreateInvalidIndexElsewhereAsync(scratch.ConnectionString);
        await using var holder = await HoldMigrationLockAsync(scratch.ConnectionString);

        await using (var context = FieldContext.Create(scratch.ConnectionString, safe => safe.LockWait(ShortLockWait)))
        {
            await context.Database.MigrateAsync();
        }

        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().Equal("elsewhere.ix_notes_body");
        (await HolderStillHoldsAsync(holder)).Should().BeTrue();
    }

    [Fact]
    public async Task A_seeder_still_runs_on_a_no_op_MigrateAsync_as_EF_Core_runs_it_on_every_migrate()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop seeding");
        await MigrateFieldAsync(scratch.ConnectionString);
        var seeded = new ConcurrentQueue<bool>();

        await using (var context = FieldContext.Create(
                         scratch.ConnectionString,
                         configure: options => options.UseAsyncSeeding((_, anyApplied, _) =>
                         {
                             seeded.Enqueue(anyApplied);
                             return Task.CompletedTask;
                         })))
        {
            await context.Database.MigrateAsync();
        }

        seeded.Should().Equal([false], "EF Core seeds once per migrate, telling the seeder that nothing was applied");
    }

    [Fact]
    public async Task A_model_with_changes_no_migration_captures_still_fails_a_no_op_MigrateAsync_unless_that_warning_is_ignored()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("noop drift");
        await using (var first = DriftContext.Create(scratch.ConnectionString))
        {
            // EF Core checks for pending model changes only on a run without a target.
            await first.Database.MigrateAsync(DriftContext.CreateDriftItemsMigration.Id);
        }

        await using (var strict = DriftContext.Create(scratch.ConnectionString))
        {
            var migrate = () => strict.Database.MigrateAsync();
            (await migrate.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
                .Contain(nameof(RelationalEventId.PendingModelChangesWarning)).And.Contain(nameof(DriftContext));
        }

        await using var holder = await HoldMigrationLockAsync(scratch.ConnectionString);
        await using (var lenient = DriftContext.Create(
                         scratch.ConnectionString,
                         options => options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)),
                         safe => safe.LockWait(ShortLockWait)))
        {
            await lenient.Database.MigrateAsync();
        }

        (await HolderStillHoldsAsync(holder)).Should().BeTrue("with the warning ignored the no-op ends before the lock");
    }

    private static async Task MigrateFieldAsync(string connectionString)
    {
        await using var context = FieldContext.Create(connectionString);
        await context.Database.MigrateAsync();
    }

    // Every context here keeps EF Core's default history table, so all take the lock of that key.
    private static Task<NpgsqlConnection> HoldMigrationLockAsync(string connectionString)
        => MigrationLockHolder.HoldAsync(connectionString, HolderApplication);

    private static async Task<bool> HolderStillHoldsAsync(NpgsqlConnection holder)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted", holder);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
