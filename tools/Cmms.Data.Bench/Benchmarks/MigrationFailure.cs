using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     A migration that the server refused while writers were writing is a result, not a crash of the benchmark:
///     plain EF Core's <c>DROP INDEX</c> takes an ACCESS EXCLUSIVE lock on the table and its <c>CREATE INDEX</c> a SHARE
///     lock, held to the end of the migration's transaction, so a writer whose foreign-key check needs one table
///     while holding another can deadlock with it, and PostgreSQL then cancels one of the two
///     (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-DEADLOCKS).
/// </summary>
internal static class MigrationFailure
{
    /// <summary>Runs the migration; returns null when it succeeded, else the server's SQLSTATE and message.</summary>
    public static async Task<string?> OfAsync(Func<Task> migrate)
    {
        try
        {
            await migrate().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (Server(ex) is { } server)
        {
            // EF Core wraps a transient server error (a deadlock is one) in an InvalidOperationException.
            return $"{server.SqlState} {server.MessageText}";
        }
    }

    private static PostgresException? Server(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException server)
            {
                return server;
            }
        }

        return null;
    }
}
