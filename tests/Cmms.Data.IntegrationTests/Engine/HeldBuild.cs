using Cmms.Data.Conventions.Migrations;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     A migration whose concurrent builds all wait in <c>waiting for old snapshots</c> behind an <see cref="OldSnapshot" />,
///     with the migration lock's holder as it was then; disposed in the reverse order of its parts.
/// </summary>
internal sealed class HeldBuild : IAsyncDisposable
{
    private readonly DbContext _context;

    private HeldBuild(TestDatabase scratch, OldSnapshot snapshot, ProgressLog progress, DbContext context)
    {
        (Scratch, Snapshot, Progress, _context) = (scratch, snapshot, progress, context);
        Migrate = context.Database.MigrateAsync();
    }

    public TestDatabase Scratch { get; }

    public OldSnapshot Snapshot { get; }

    public ProgressLog Progress { get; }

    public Task Migrate { get; }

    public AdvisoryLockHolder LockHolder { get; private set; } = null!;

    /// <summary>
    ///     A scratch database of <paramref name="db" /> made ready by <paramref name="prepare" />, then migrated by a
    ///     context from <paramref name="create" /> (with <paramref name="configure" />) until <paramref name="builds" />
    ///     builds wait for the snapshot.
    /// </summary>
    public static async Task<HeldBuild> StartAsync(
        PostgresDatabaseFixture db,
        string purpose,
        Func<string, Task> prepare,
        Func<string, Action<SafeMigrationsOptionsBuilder>?, DbContext> create,
        int builds = 1,
        Action<SafeMigrationsOptionsBuilder>? configure = null)
    {
        var scratch = await db.CreateScratchDatabaseAsync(purpose);
        await prepare(scratch.ConnectionString);
        var snapshot = await OldSnapshot.TakeAsync(scratch.ConnectionString);
        var progress = new ProgressLog();
        var run = new HeldBuild(
            scratch,
            snapshot,
            progress,
            create(
                scratch.ConnectionString,
                safe =>
                {
                    safe.ReportProgressTo(progress).LockTimeout(HeldBuilds.SnapshotWait);
                    configure?.Invoke(safe);
                }));
        try
        {
            await HeldBuilds.WaitForPhaseAsync(scratch.ConnectionString, run.Migrate, "waiting for old snapshots", builds);
            run.LockHolder = (await Sql.AdvisoryLockHoldersAsync(scratch.ConnectionString)).Should().ContainSingle().Subject;
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await Snapshot.DisposeAsync();
        await Scratch.DisposeAsync();
    }
}
