using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     <c>UseSafeMigrations(o => o.ParallelIndexBuilds(n))</c>: the concurrent builds of <see cref="PlantMigrations.AddIndexes" />
///     on populated tables, in parallel sessions, against the same migration built one index at a time.
/// </summary>
public sealed class ParallelIndexBuildsTests(PostgresDatabaseFixture<ParallelIndexBuildsTests> db)
    : IClassFixture<PostgresDatabaseFixture<ParallelIndexBuildsTests>>
{
    // Large enough that a build lasts long enough to be seen beside another one, small enough to load in seconds.
    private const int PumpRows = 600_000;
    private const int OtherRows = 300_000;

    [Fact]
    public async Task Parallel_builds_overlap_on_different_tables_and_leave_the_same_indexes_and_history_as_sequential_builds()
    {
        await using var parallel = await db.CreateScratchDatabaseAsync("plant parallel");
        await using var sequential = await db.CreateScratchDatabaseAsync("plant sequential");
        await PrepareAsync(parallel.ConnectionString, duplicateSerials: false);
        await PrepareAsync(sequential.ConnectionString, duplicateSerials: false);

        var parallelOverlap = await MigrateWatchingBuildsAsync(parallel, sessions: 2);
        var sequentialOverlap = await MigrateWatchingBuildsAsync(sequential, sessions: 1);

        parallelOverlap.Should().Be(2, "two sessions build on two tables at once");
        sequentialOverlap.Should().Be(1, "one session builds one index at a time");
        (await IndexesAsync(parallel.ConnectionString)).Should().Equal(await IndexesAsync(sequential.ConnectionString));
        (await IndexesAsync(parallel.ConnectionString)).Select(i => i.Split(' ')[0]).Should().Equal(
            ["PK_meters", "PK_pumps", "PK_valves", .. PlantMigrations.Built], "ix_pumps_zone was dropped once its replacement was built");
        (await Sql.InvalidIndexesAsync(parallel.ConnectionString)).Should().BeEmpty();
        (await HistoryAsync(parallel.ConnectionString)).Should().Equal(PlantMigrations.CreateTables, PlantMigrations.AddIndexes);
        await NoBuildSessionAfterAsync(parallel.ConnectionString, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_failed_unique_build_stops_the_other_builds_with_one_line_and_a_rerun_completes_the_migration()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("plant failing");
        await PrepareAsync(scratch.ConnectionString, duplicateSerials: true);

        await using (var context = PlantContext.Create(scratch.ConnectionString, safe => safe.ParallelIndexBuilds(2)))
        {
            var migrate = () => context.Database.MigrateAsync();
            var failure = (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which;
            failure.Message.Should().StartWith("AddIndexes: building ux_valves_serial failed (23505: could not create unique index \"ux_valves_serial\")")
                .And.Contain("the other index builds running beside it were stopped").And.NotContain("\n");
        }

        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(PlantMigrations.CreateTables);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty("a stopped build drops its unfinished index");
        var afterFailure = (await IndexesAsync(scratch.ConnectionString)).Select(i => i.Split(' ')[0]).ToList();
        afterFailure.Should().Contain("ix_pumps_zone", "the index being replaced stays until every build succeeded");
        afterFailure.Should().NotContain(["ix_meters_zone", "ix_pumps_line"], "no build starts after one failed");
        await NoBuildSessionAfterAsync(scratch.ConnectionString, TimeSpan.FromSeconds(10));

        await Sql.ExecuteAsync(scratch.ConnectionString, "UPDATE valves SET \"Serial\" = 'v' || \"Id\"");
        await using (var rerun = PlantContext.Create(scratch.ConnectionString, safe => safe.ParallelIndexBuilds(2)))
        {
            // Migrate(), as dotnet ef database update and efbundle call it: the sessions run at once on this path too.
            rerun.Database.Migrate();
        }

        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(PlantMigrations.CreateTables, PlantMigrations.AddIndexes);
        (await IndexesAsync(scratch.ConnectionString)).Select(i => i.Split(' ')[0])
            .Should().Equal(["PK_meters", "PK_pumps", "PK_valves", .. PlantMigrations.Built]);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }

    [Fact]
    public async Task Parallel_builds_whose_lock_is_taken_by_another_session_all_stop_and_resume_once_it_is_released()
    {
        await using var run = await StartHeldParallelBuildsAsync("plant lock stolen");
        var (scratch, snapshot, progress, migrate) = (run.Scratch, run.Snapshot, run.Progress, run.Migrate);
        var before = run.LockHolder;

        await using var rival = await HeldBuilds.StealLockAsync(scratch, before);
        await HeldBuilds.WaitForReportAsync(progress, MigrationProgressKind.WaitingForLock, migrate);
        (await HeldBuilds.BuildPhasesAsync(scratch.ConnectionString)).Should().BeEmpty("neither build session goes on while another session holds the lock");
        await NoBuildSessionAfterAsync(scratch.ConnectionString, TimeSpan.FromSeconds(10));
        await snapshot.EndAsync();
        await HeldBuilds.ReleaseLockAsync(rival, before);
        await migrate;

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.LockSessionLost).Should().ContainSingle();
        progress.Reports.Where(r => r.Kind == MigrationProgressKind.Retrying).Should().ContainSingle();
        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(PlantMigrations.CreateTables, PlantMigrations.AddIndexes);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
        (await IndexesAsync(scratch.ConnectionString)).Select(i => i.Split(' ')[0]).Should().Equal(["PK_meters", "PK_pumps", "PK_valves", .. PlantMigrations.Built]);
    }

    [Fact]
    public async Task A_parallel_build_whose_session_is_lost_stops_the_build_beside_it_and_the_retry_builds_both()
    {
        await using var run = await StartHeldParallelBuildsAsync("plant session lost");
        var (scratch, snapshot, progress, migrate) = (run.Scratch, run.Snapshot, run.Progress, run.Migrate);
        var building = await Sql.ListAsync<int>(scratch.ConnectionString, BuildingPidsSql);
        building.Should().HaveCount(2);

        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT pg_terminate_backend($1)", building[0])).Should().BeTrue();

        // The other build is stopped at once, while the snapshot it waits for is still held: it does not go on without the run.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Sql.ListAsync<int>(scratch.ConnectionString, BuildingPidsSql)).Contains(building[1]))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the build beside the lost session should have been stopped");
            await Task.Delay(20);
        }

        await snapshot.EndAsync();
        await migrate;

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.Retrying).Should().ContainSingle()
            .Which.Message.Should().Contain("57P01");
        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(PlantMigrations.CreateTables, PlantMigrations.AddIndexes);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
        (await IndexesAsync(scratch.ConnectionString)).Select(i => i.Split(' ')[0]).Should().Equal(["PK_meters", "PK_pumps", "PK_valves", .. PlantMigrations.Built]);
    }

    // AddIndexes in two sessions, both of its first builds held behind an old snapshot.
    private Task<HeldBuild> StartHeldParallelBuildsAsync(string purpose)
        => HeldBuild.StartAsync(
            db,
            purpose,
            connectionString => PrepareAsync(connectionString, duplicateSerials: false),
            PlantContext.Create,
            builds: 2,
            safe => safe.ParallelIndexBuilds(2));

    private static async Task PrepareAsync(string connectionString, bool duplicateSerials)
    {
        await using (var context = PlantContext.Create(connectionString))
        {
            await context.Database.MigrateAsync(PlantMigrations.CreateTables);
        }

        var valveSerial = duplicateSerials ? "'v' || (i % 1000)" : "'v' || i";
        await Sql.ExecuteEachAsync(
            connectionString,
            $"INSERT INTO pumps (\"Zone\", \"Line\", \"Serial\") SELECT i % 97, i % 1013, 'p' || i FROM generate_series(1, {PumpRows}) i",
            $"INSERT INTO valves (\"Zone\", \"Line\", \"Serial\") SELECT i % 97, i % 1013, {valveSerial} FROM generate_series(1, {OtherRows}) i",
            $"INSERT INTO meters (\"Zone\", \"Line\", \"Serial\") SELECT i % 97, i % 1013, 'm' || i FROM generate_series(1, {OtherRows}) i");
    }

    // Applies AddIndexes while a side session samples pg_stat_progress_create_index every 10 ms; returns the most tables seen
    // being indexed at once.
    private static async Task<long> MigrateWatchingBuildsAsync(TestDatabase database, int sessions)
    {
        await using var watcher = await database.OpenConnectionAsync();
        await using var sample = new NpgsqlCommand(
            "SELECT count(DISTINCT relid) FROM pg_stat_progress_create_index WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())",
            watcher);
        await using var context = PlantContext.Create(database.ConnectionString, safe => safe.ParallelIndexBuilds(sessions));
        var migrate = context.Database.MigrateAsync();
        var most = 0L;
        while (!migrate.IsCompleted)
        {
            most = Math.Max(most, (long)(await sample.ExecuteScalarAsync())!);
            await Task.Delay(10);
        }

        await migrate;
        return most;
    }

    // A backend exits a moment after its client closed the connection, so pg_stat_activity may still list it briefly.
    private static async Task NoBuildSessionAfterAsync(string connectionString, TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        while (await BuildSessionsAsync(connectionString) > 0)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the run closes its index build sessions when it stops");
            await Task.Delay(50);
        }
    }

    private const string BuildingPidsSql =
        "SELECT pid FROM pg_stat_progress_create_index WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY pid";

    private static Task<long> BuildSessionsAsync(string connectionString) => Sql.ScalarAsync<long>(
        connectionString,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%(index build %'");

    private static Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
        => Sql.ListAsync<string>(connectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");

    // Name, definition and validity, so that two databases compare equal only if they hold the same indexes.
    private static Task<IReadOnlyList<string>> IndexesAsync(string connectionString) => Sql.ListAsync<string>(
        connectionString,
        "SELECT c.relname || ' ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN ' valid' ELSE ' INVALID' END "
        + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
        + "WHERE t.relname IN ('pumps', 'valves', 'meters') ORDER BY c.relname COLLATE \"C\"");
}
