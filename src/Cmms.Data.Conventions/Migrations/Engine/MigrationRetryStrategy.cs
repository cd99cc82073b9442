using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     The execution strategy of a safe migration run (and of nothing else in the context): a migration whose statement
///     hit <c>lock_timeout</c> or lost its connection is retried after 1 s, 2 s, 4 s, … (at most 30 s), a bounded number
///     of times. EF Core's migrator resumes a retried migration after its last committed statement
///     (<c>MigrationExecutionState.LastCommittedCommandIndex</c>), and every statement outside a transaction is
///     rerunnable, so a retry never repeats or half-applies work.
/// </summary>
internal sealed class MigrationRetryStrategy(
    ExecutionStrategyDependencies dependencies,
    int retries,
    TimeSpan lockTimeout,
    SafeMigrationsLogger logger,
    MigrationRunState run) : ExecutionStrategy(dependencies, retries, MaxDelay)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Whether <paramref name="exception" /> is PostgreSQL's lock_timeout error (SQLSTATE 55P03).</summary>
    public static bool IsLockTimeout(Exception exception)
        => Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.LockNotAvailable };

    /// <summary>
    ///     Whether <paramref name="exception" /> is a lost connection: the server shut down or restarted (57P01, 57P02),
    ///     is starting or in recovery (57P03), a connection failure (class 08), or a reset socket.
    /// </summary>
    public static bool IsConnectionLost(Exception exception)
        => Find<PostgresException>(exception) is { } postgres
            ? postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            : Find<NpgsqlException>(exception) is { } npgsql && (npgsql.IsTransient || Find<SocketException>(exception) is not null);

    protected override bool ShouldRetryOn(Exception exception) => IsLockTimeout(exception) || IsConnectionLost(exception);

    // Nothing to verify: the retried attempt re-reads the history and resumes where the failed one stopped.
    protected override bool ShouldVerifySuccessOn(Exception exception) => false;

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retry = ExceptionsEncountered.Count;
        if (retry > MaxRetryCount)
        {
            return null;
        }

        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(retry - 1, 10)));
        var migration = run.CurrentMigrationName ?? "the migration";
        var why = IsLockTimeout(lastException)
            ? $"a statement waited {DurationText.Format(lockTimeout)} (lock_timeout) for {BlockingSessions.Describe(run.LastBlockers)}"
            : $"the connection to the server was lost ({Describe(lastException)})";
        logger.Retrying($"{migration}: {why}; retry {retry} of {MaxRetryCount} in {DurationText.Format(delay)}.");
        return delay;
    }

    /// <summary>The message of the PostgreSQL or Npgsql failure inside <paramref name="exception" />.</summary>
    public static string Describe(Exception exception)
        => ((Exception?)Find<PostgresException>(exception) ?? Find<NpgsqlException>(exception) ?? exception).Message;

    /// <summary>The first <typeparamref name="T" /> in <paramref name="exception" />'s chain of inner exceptions, if any.</summary>
    internal static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
