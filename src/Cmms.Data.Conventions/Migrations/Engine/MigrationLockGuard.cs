using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Keeps a run from going on without its migration lock when the lock's own session ends (a terminated backend, a
///     proxy or firewall dropping the idle connection) while the migration's connection lives on. EF Core's migrator
///     takes the lock again only at its next attempt, so every second this checks the lock's session. When it has ended
///     and the lock is free, the lock is taken again on a new session and the run goes on. When another session holds
///     it (a second migrator got it in between), the run's sessions are ended (<c>pg_terminate_backend</c>): their next
///     statement fails as after a lost connection, and the retry waits for the lock, then resumes from the history. When
///     the server cannot be reached (a restart, a failover), the run's own sessions are gone too: the guard tries again at
///     its next check, and the retry takes the lock if the guard has not. The lock is unguarded for at most one check interval.
/// </summary>
internal sealed class MigrationLockGuard : IAsyncDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly SafeHistoryRepository _history;
    private readonly IRelationalConnection _migrationConnection;
    private readonly SafeMigrationsLogger _logger;
    private readonly MigrationRunState _run;
    private Task _guarding = Task.CompletedTask;

    private MigrationLockGuard(SafeHistoryRepository history, IRelationalConnection migrationConnection, SafeMigrationsLogger logger, MigrationRunState run)
    {
        _history = history;
        _migrationConnection = migrationConnection;
        _logger = logger;
        _run = run;
    }

    public static MigrationLockGuard Start(
        SafeHistoryRepository history,
        IRelationalConnection migrationConnection,
        SafeMigrationsLogger logger,
        MigrationRunState run)
    {
        var guard = new MigrationLockGuard(history, migrationConnection, logger, run);
        guard._guarding = Task.Run(() => guard.GuardAsync(guard._stop.Token));
        return guard;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _guarding.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task GuardAsync(CancellationToken stop)
    {
        // The run's sessions already ended for the current loss of the lock: the retry's new connection is recorded only
        // once it holds the lock again, and a session that could not be ended, or appeared since, is ended at the next check.
        var ended = new HashSet<int>();
        try
        {
            while (true)
            {
                await Task.Delay(CheckInterval, stop).ConfigureAwait(false);
                try
                {
                    await CheckAsync(ended, stop).ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    // The guard never fails a run itself (the migration's own connection reports real failures): it checks again.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(HashSet<int> ended, CancellationToken stop)
    {
        switch (await _history.CheckAsync(stop).ConfigureAwait(false))
        {
            case MigrationLockCheck.TakenAgain:
                ended.Clear();
                _logger.LockSessionLost(
                    $"{Migration}: the migration lock's session ended; the lock was free and is held again on a new session, so the run goes on.");
                break;
            case MigrationLockCheck.HeldByAnother:
                // Between command lists no session of the run is recorded: the next check ends the one that starts.
                var pids = MigrationSessions.ProcessIds(_run).Where(pid => !ended.Contains(pid)).ToList();
                if (pids.Count == 0)
                {
                    break;
                }

                if (ended.Count == 0)
                {
                    _logger.LockSessionLost(
                        $"{Migration}: the migration lock's session ended and another session holds the lock now: the run's sessions are "
                        + "ended so that nothing runs without the lock, and the retry waits for the lock.");
                }

                ended.UnionWith(await MigrationSessions.TerminateAsync((NpgsqlConnection)_migrationConnection.DbConnection, pids, stop).ConfigureAwait(false));
                break;
            case MigrationLockCheck.Held:
                ended.Clear();
                break;
        }
    }

    private string Migration => _run.CurrentMigrationName ?? "The migration";
}
