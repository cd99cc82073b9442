using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     A migration whose server session ends in the middle of a concurrent index build (<c>pg_terminate_backend</c>, what a
///     fast shutdown or a failover does to every session: SQLSTATE 57P01) reconnects and resumes within the retry policy;
///     one whose migration lock's session alone ends never goes on without the lock.
/// </summary>
public sealed class LostConnectionTests(PostgresDatabaseFixture<LostConnectionTests> db)
    : IClassFixture<PostgresDatabaseFixture<LostConnectionTests>>
{
    [Fact]
    public async Task MigrateAsync_whose_index_build_session_is_terminated_reconnects_and_resumes_with_a_valid_index_and_a_correct_history()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges terminated");
        await SlowGaugeBuild.PrepareAsync(scratch.ConnectionString);

        var progress = new ProgressLog();
        await using var context = GaugeContext.Create(scratch.ConnectionString, safe => safe.ReportProgressTo(progress));
        var migrate = context.Database.MigrateAsync();
        var building = await SlowGaugeBuild.WaitForBuildAsync(scratch.ConnectionString, migrate);
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT pg_terminate_backend($1)", building)).Should().BeTrue();
        await migrate;

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.Retrying).Select(r => r.Message).Should().ContainSingle().Which.Should().Be(
            "ReplaceZoneIndex: the connection to the server was lost (57P01: terminating connection due to administrator command); retry 1 of 3 in 1s.");
        await SlowGaugeBuild.ShouldBeCompleteAsync(scratch.ConnectionString);
    }

    [Fact]
    public async Task MigrateAsync_whose_lock_session_alone_is_terminated_takes_the_lock_again_on_a_new_session_without_interrupting_the_build()
    {
        await using var run = await HeldBuild.StartAsync(db, "gauges lock terminated", SlowGaugeBuild.PrepareAsync, (connectionString, configure) => GaugeContext.Create(connectionString, configure));
        var (scratch, snapshot, progress, migrate, before) = (run.Scratch, run.Snapshot, run.Progress, run.Migrate, run.LockHolder);
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT pg_terminate_backend($1)", before.Pid)).Should().BeTrue();

        var again = await WaitForLockHolderAsync(scratch.ConnectionString, migrate, h => h.Pid != before.Pid);
        (again.Key, again.ApplicationName).Should().Be((before.Key, before.ApplicationName));
        (await HeldBuilds.BuildPhasesAsync(scratch.ConnectionString)).Should().Equal(["waiting for old snapshots"], "the build went on while the lock was taken again");
        await snapshot.EndAsync();
        await migrate;

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.LockSessionLost).Select(r => r.Message).Should().Equal(
            "ReplaceZoneIndex: the migration lock's session ended; the lock was free and is held again on a new session, so the run goes on.");
        progress.Reports.Should().NotContain(r => r.Kind == MigrationProgressKind.Retrying, "the build's own session was never interrupted");
        await SlowGaugeBuild.ShouldBeCompleteAsync(scratch.ConnectionString);
    }

    [Fact]
    public async Task MigrateAsync_whose_lock_is_taken_by_another_session_after_its_lock_session_ends_stops_and_waits_for_it_before_resuming()
    {
        await using var run = await HeldBuild.StartAsync(db, "gauges lock stolen", SlowGaugeBuild.PrepareAsync, (connectionString, configure) => GaugeContext.Create(connectionString, configure));
        var (scratch, snapshot, progress, migrate, before) = (run.Scratch, run.Snapshot, run.Progress, run.Migrate, run.LockHolder);

        await using var rival = await HeldBuilds.StealLockAsync(scratch, before);

        await HeldBuilds.WaitForReportAsync(progress, MigrationProgressKind.WaitingForLock, migrate);
        (await HeldBuilds.BuildPhasesAsync(scratch.ConnectionString)).Should().BeEmpty("nothing of the run goes on while another session holds the lock");
        await snapshot.EndAsync();
        await HeldBuilds.ReleaseLockAsync(rival, before);

        await migrate;

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.LockSessionLost).Select(r => r.Message).Should().Equal(
            "ReplaceZoneIndex: the migration lock's session ended and another session holds the lock now: the run's sessions are ended so "
            + "that nothing runs without the lock, and the retry waits for the lock.");
        progress.Reports.Where(r => r.Kind == MigrationProgressKind.Retrying).Select(r => r.Message).Should().Equal(
            "ReplaceZoneIndex: the connection to the server was lost (57P01: terminating connection due to administrator command); retry 1 of 3 in 1s.");
        await SlowGaugeBuild.ShouldBeCompleteAsync(scratch.ConnectionString);
    }

    private static async Task<AdvisoryLockHolder> WaitForLockHolderAsync(string connectionString, Task migrate, Func<AdvisoryLockHolder, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            migrate.IsCompleted.Should().BeFalse("the migration should still be running");
            if ((await Sql.AdvisoryLockHoldersAsync(connectionString)).FirstOrDefault(wanted) is { } holder)
            {
                return holder;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the migration lock should be held again by now");
            await Task.Delay(50);
        }
    }

}
