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

    /// <summary>How many times by default a migration is retried after a lock timeout or a lost connection: three.</summary>
    public const int Retries = 3;

    /// <summary>
    ///     How many sessions build a migration's concurrent indexes by default: one, one build after another. On the
    ///     two-core machines this was measured on, parallel builds on different tables did not finish the scale-1
    ///     <c>AddIndexes</c> sooner (docs/benchmarks/v2.md, scenario 3); more sessions pay off where the server has idle cores.
    /// </summary>
    public const int ParallelIndexBuilds = 1;
}
