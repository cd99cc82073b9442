using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class MigrationLockTests(PostgresDatabaseFixture<MigrationLockTests> db) : IClassFixture<PostgresDatabaseFixture<MigrationLockTests>>
{
    private const string HolderApplication = "lock-holder-test";

    [Fact]
    public async Task Migrate_waits_for_the_migration_lock_names_its_holder_and_gives_up_after_lock_wait()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("lock held");
        await using var holder = await MigrationLockHolder.HoldAsync(scratch.ConnectionString, HolderApplication);
        var before = await ToolDatabase.FingerprintAsync(scratch.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString), "--lock-wait", "1s");

        var holderText = $"pid {holder.ProcessID} (application '{HolderApplication}', idle, no open transaction)";
        run.ShouldFailWithMessage(1).Should().Be(
            $"Another migrator still holds the migration lock on database '{scratch.Name}' after 1s: {holderText}. Nothing was changed; "
            + "wait for it to finish (or end that session) and run the migration again, or allow a longer lock wait.");
        run.ErrorLines.Should().HaveCount(2);
        run.ErrorLines[0].Should().Be($"Waiting for the migration lock held by {holderText}; giving up after 1s.");
        (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be(before);
    }

    [Fact]
    public async Task Migrate_proceeds_as_soon_as_the_other_migrator_releases_the_lock()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("lock released");
        await using var holder = await MigrationLockHolder.HoldAsync(scratch.ConnectionString, HolderApplication);

        var migrate = CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString), "--lock-wait", "2m");
        await WaitForWaitingMigratorAsync(scratch.ConnectionString);
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().BeEmpty("nothing runs while the lock is held");
        await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", holder) { Parameters = { new() { Value = MigrationLockHolder.DefaultHistoryKey } } })
        {
            await unlock.ExecuteNonQueryAsync();
        }

        var run = (await migrate).ShouldSucceed();

        run.ErrorLines[0].Should().StartWith($"Waiting for the migration lock held by pid {holder.ProcessID} (application '{HolderApplication}'");
        run.ErrorLines[1].Should().StartWith("Migration lock acquired after ");
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All);
    }

    // The waiting migrator polls the lock from a session of its own named after cmms-db; wait until it is there.
    private static async Task WaitForWaitingMigratorAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Sql.ScalarAsync<long>(
                   connectionString,
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'cmms-db%'") == 0)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "cmms-db migrate should have connected by now");
            await Task.Delay(100);
        }

        await Task.Delay(500);
    }
}
