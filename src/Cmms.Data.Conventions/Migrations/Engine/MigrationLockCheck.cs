namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>What <see cref="SafeHistoryRepository.CheckAsync" /> found of the run's migration lock.</summary>
internal enum MigrationLockCheck
{
    /// <summary>The run does not hold the lock (before it is taken or after it is released).</summary>
    NotTaken,

    /// <summary>The lock's session is alive, so it holds the lock.</summary>
    Held,

    /// <summary>The lock's session had ended; the lock was free and is now held by a new session.</summary>
    TakenAgain,

    /// <summary>The lock's session has ended and another session holds the lock now.</summary>
    HeldByAnother,

    /// <summary>The lock's session has ended and the server cannot be reached to take the lock again.</summary>
    Unreachable,
}
