namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Defaults of safe migrations.
/// </summary>
public static class SafeMigrationsDefaults
{
    /// <summary>The default <c>lock_timeout</c> of migration statements: five seconds.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a run waits by default for another migrator to release the migration lock: ten minutes.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    /// <summary>The oldest PostgreSQL safe migrations run on (the oldest the PostgreSQL project still supports): 13.</summary>
    public static readonly Version MinimumServerVersion = new(13, 0);

    /// <summary>How many times by default a migration is retried after a lock timeout or a lost connection: three.</summary>
    public const int Retries = 3;

    /// <summary>
    ///     How many sessions build a migration's concurrent indexes by default: one, one build after another, the load
    ///     the writers of a busy table are measured against (docs/benchmarks/v2.md, scenario 1). Two sessions finished
    ///     <c>AddIndexes</c> sooner in scenario 3 even on two cores (much of a concurrent build is waiting, not working),
    ///     so a migration run in a quiet window gains from <see cref="SafeMigrationsOptionsBuilder.ParallelIndexBuilds" />.
    /// </summary>
    public const int ParallelIndexBuilds = 1;
}
