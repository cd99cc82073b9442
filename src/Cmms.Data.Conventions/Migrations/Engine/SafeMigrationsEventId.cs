using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Event ids of what safe migrations log through EF Core's <c>Microsoft.EntityFrameworkCore.Migrations</c> category,
///     so that <c>ConfigureWarnings</c> can log, ignore or throw on each of them.
/// </summary>
public static class SafeMigrationsEventId
{
    private const int Base = 72100;

    /// <summary>Information: another session holds the migration lock; the run waits.</summary>
    public static readonly EventId WaitingForLock = Make(0, nameof(WaitingForLock));

    /// <summary>Information: the migration lock was taken after a wait.</summary>
    public static readonly EventId LockAcquired = Make(1, nameof(LockAcquired));

    /// <summary>Warning: a statement hit lock_timeout or lost its connection; the migration is retried.</summary>
    public static readonly EventId Retrying = Make(2, nameof(Retrying));

    /// <summary>Information: a concurrent index build's phase and progress.</summary>
    public static readonly EventId IndexBuildProgress = Make(3, nameof(IndexBuildProgress));

    /// <summary>Warning: an INVALID index the model declares was found and rebuilt.</summary>
    public static readonly EventId InvalidIndexRepaired = Make(4, nameof(InvalidIndexRepaired));

    /// <summary>
    ///     Information: a migration runs statements outside a transaction (concurrent index builds and drops), each
    ///     guarded and rerunnable, so a rerun resumes it after a failure. Logged instead of EF Core's
    ///     <c>RelationalEventId.NonTransactionalMigrationOperationWarning</c>, whose advice to revert such a migration by
    ///     hand does not apply to these statements.
    /// </summary>
    public static readonly EventId RerunnableOutsideTransaction = Make(5, nameof(RerunnableOutsideTransaction));

    /// <summary>
    ///     Warning: the migration lock's own session ended while the run went on (a terminated backend, a dropped idle
    ///     connection); the lock was taken again on a new session, or the run's sessions are ended so that the retry waits for it.
    /// </summary>
    public static readonly EventId LockSessionLost = Make(6, nameof(LockSessionLost));

    /// <summary>
    ///     Debug: a run to the newest migration found nothing to do (every migration in the history, no INVALID index in
    ///     the model's schemas) and ended without taking the migration lock.
    /// </summary>
    public static readonly EventId UpToDateWithoutLock = Make(7, nameof(UpToDateWithoutLock));

    private static EventId Make(int offset, string name)
        => new(Base + offset, "Cmms.Data.Conventions.Migrations." + name);
}
