namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>What a safe migration run reports while it works, for a host to render (a live line, a log, a health endpoint).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">The same text the EF logger receives, in one line.</param>
/// <param name="IndexBuild">For <see cref="MigrationProgressKind.IndexBuild" />: the build's phase and how far it is.</param>
public sealed record MigrationProgress(MigrationProgressKind Kind, string Message, IndexBuildStatus? IndexBuild = null);

/// <summary>The kinds of <see cref="MigrationProgress" />.</summary>
public enum MigrationProgressKind
{
    /// <summary>A migration is being applied (the message is its id); reported again when it is retried.</summary>
    Applying,

    /// <summary>A migration is being reverted (the message is its id); reported again when it is retried.</summary>
    Reverting,

    /// <summary>Another session holds the migration lock; this run waits for it.</summary>
    WaitingForLock,

    /// <summary>The migration lock was taken after a wait.</summary>
    LockAcquired,

    /// <summary>A statement hit <c>lock_timeout</c> or lost its connection; the migration is retried after a pause.</summary>
    Retrying,

    /// <summary>A concurrent index build is running (from <c>pg_stat_progress_create_index</c>).</summary>
    IndexBuild,

    /// <summary>No index build is running any more.</summary>
    IndexBuildEnded,

    /// <summary>An INVALID index the model declares was rebuilt.</summary>
    InvalidIndexRepaired,

    /// <summary>
    ///     The migration lock's own session ended while the run went on: the lock was taken again on a new session, or the
    ///     run's sessions were ended so that the retry waits for the lock.
    /// </summary>
    LockSessionLost,
}

/// <summary>One concurrent index build, from <c>pg_stat_progress_create_index</c>.</summary>
/// <param name="Index">The index being built.</param>
/// <param name="Table">Its table.</param>
/// <param name="Phase">PostgreSQL's phase name (<c>building index: scanning table</c>, <c>waiting for old snapshots</c>, …).</param>
/// <param name="Done">Blocks (or tuples) done.</param>
/// <param name="Total">Blocks (or tuples) in all; 0 when the phase has no measure.</param>
/// <param name="Unit"><c>blocks</c> or <c>tuples</c>.</param>
/// <param name="Elapsed">How long this run has seen the build.</param>
/// <remarks>https://www.postgresql.org/docs/current/progress-reporting.html#CREATE-INDEX-PROGRESS-REPORTING</remarks>
public sealed record IndexBuildStatus(string Index, string Table, string Phase, long Done, long Total, string Unit, TimeSpan Elapsed);
