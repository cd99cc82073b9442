using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     Concurrent builds held in <c>waiting for old snapshots</c> behind an <see cref="OldSnapshot" />, and what the
///     lock-session tests do to them: wait for a phase or a report, take the migration lock away and give it back.
/// </summary>
internal static class HeldBuilds
{
    // A concurrent build waits for every transaction whose snapshot is older than its own, whatever it read; the wait is a
    // lock wait, so lock_timeout must outlast it. https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
    public static readonly TimeSpan SnapshotWait = TimeSpan.FromMinutes(2);

    public static Task<IReadOnlyList<string>> BuildPhasesAsync(string connectionString)
        => Sql.ListAsync<string>(
            connectionString,
            "SELECT phase FROM pg_stat_progress_create_index WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())");

    public static async Task WaitForPhaseAsync(string connectionString, Task migrate, string phase, int builds = 1)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await BuildPhasesAsync(connectionString)).Count(p => p == phase) < builds)
        {
            migrate.IsCompleted.Should().BeFalse($"the migration should reach the build phase '{phase}' ({migrate.Exception?.GetBaseException().Message ?? "it completed"})");
            DateTime.UtcNow.Should().BeBefore(deadline, $"{builds} build(s) should be in phase '{phase}' by now");
            await Task.Delay(20);
        }
    }

    public static async Task WaitUntilAsync(string connectionString, string condition, int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await Sql.ScalarAsync<bool>(connectionString, condition, pid))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "this should hold by now: " + condition);
            await Task.Delay(20);
        }
    }

    /// <summary>
    ///     Takes the migration lock <paramref name="holder" /> holds, from a new session of <paramref name="scratch" /> that
    ///     waits in the lock's queue before the holder's session is ended: it, not the run's lock guard, is granted the lock
    ///     the moment the terminated session lets it go. Returns that session, holding the lock.
    /// </summary>
    public static async Task<NpgsqlConnection> StealLockAsync(TestDatabase scratch, AdvisoryLockHolder holder)
    {
        var rival = await scratch.OpenConnectionAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", rival) { Parameters = { new() { Value = holder.Key } } };
        var taken = take.ExecuteNonQueryAsync();
        await WaitUntilAsync(
            scratch.ConnectionString,
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory')",
            rival.ProcessID);
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT pg_terminate_backend($1)", holder.Pid)).Should().BeTrue();
        await taken;
        return rival;
    }

    /// <summary>Lets go of the lock <see cref="StealLockAsync" /> took.</summary>
    public static async Task ReleaseLockAsync(NpgsqlConnection rival, AdvisoryLockHolder holder)
    {
        await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", rival) { Parameters = { new() { Value = holder.Key } } };
        await release.ExecuteNonQueryAsync();
    }

    public static async Task WaitForReportAsync(ProgressLog progress, MigrationProgressKind kind, Task migrate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!progress.Reports.Any(r => r.Kind == kind))
        {
            migrate.IsCompleted.Should().BeFalse($"the migration should report {kind} first");
            DateTime.UtcNow.Should().BeBefore(deadline, $"the migration should have reported {kind} by now");
            await Task.Delay(50);
        }
    }
}
