using System.Diagnostics;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The lock that makes migrators take turns on a database: a session-level PostgreSQL advisory lock, held on a
///     connection of its own for the whole run and released when it is disposed (or when the process dies, since
///     the session ends with it).
/// </summary>
/// <remarks>
///     EF Core's own migration lock is released around non-transactional statements such as
///     <c>CREATE INDEX CONCURRENTLY</c>, so two migrators could interleave there; a session-level lock is not tied
///     to transactions. https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
/// </remarks>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: "cmmsmigr" in ASCII.</summary>
    public const long Key = 0x636D_6D73_6D69_6772;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private MigrationLock(NpgsqlConnection connection) => Connection = connection;

    /// <summary>The connection holding the lock; otherwise idle, so usable for catalog reads.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>
    ///     Takes the lock, waiting at most <paramref name="wait" /> while another session holds it and saying who
    ///     that is; fails with one line naming the holder when the wait is over.
    /// </summary>
    public static async Task<MigrationLock> AcquireAsync(
        string connectionString,
        TimeSpan wait,
        ProgressWriter progress,
        CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection would keep its session, and the lock, after being closed.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var waited = Stopwatch.StartNew();
            LockHolder? announced = null;
            while (!await TryLockAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                var holder = await LockHolder.FindAsync(connection, Key, cancellationToken).ConfigureAwait(false);
                if (waited.Elapsed >= wait)
                {
                    throw new ToolException(
                        $"Another migrator still holds the migration lock after {DurationOption.Format(wait)}: {holder?.ToString() ?? "a session that just ended"}. "
                        + "Wait for it to finish (or end that session), or raise --lock-wait.");
                }

                if (holder is not null && holder.ProcessId != announced?.ProcessId)
                {
                    progress.Line($"Waiting for the migration lock held by {holder}; giving up after {DurationOption.Format(wait)} (--lock-wait).");
                    announced = holder;
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }

            if (announced is not null)
            {
                progress.Line($"Migration lock acquired after {DurationOption.Format(waited.Elapsed)}.");
            }

            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", Connection) { Parameters = { new() { Value = Key } } };
            await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The session is gone (a broken connection refuses commands), and the lock with it; the failure that broke
            // it is the one to report.
        }
        finally
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = Key } } };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
