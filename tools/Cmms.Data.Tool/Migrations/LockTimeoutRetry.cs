using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     When a migration statement gives up waiting for a table lock (<c>lock_timeout</c>, SQLSTATE 55P03), the
///     migration is run again after a growing pause: the transaction holding the lock is usually short.
/// </summary>
internal static class LockTimeoutRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Whether <paramref name="exception" /> (or one it wraps) is PostgreSQL's lock_timeout error.</summary>
    public static bool IsLockTimeout(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pause before retry number <paramref name="retry" /> (1, 2, …): 1 s, 2 s, 4 s, … at most 30 s.</summary>
    public static TimeSpan DelayBefore(int retry)
        => TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(retry - 1, 10)));
}
