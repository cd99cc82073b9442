using System.Diagnostics;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     The lock that makes migrators take turns on a database: a session-level PostgreSQL advisory lock on an unpooled
///     connection of its own. Closing that connection ends its session and so releases the lock, on dispose and equally
///     when the process dies or the server drops the connection.
/// </summary>
/// <remarks>
///     Npgsql's own migration lock (<c>LOCK TABLE … ACCESS EXCLUSIVE</c>) is transaction-scoped, so it is released around
///     non-transactional statements such as <c>CREATE INDEX CONCURRENTLY</c> and two migrators could interleave there; a
///     session-level lock is not tied to transactions. https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
/// </remarks>
internal sealed class MigrationSessionLock : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private const int PingTimeoutSeconds = 5;

    private readonly NpgsqlConnection _connection;

    private MigrationSessionLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    ///     Whether the session holding the lock is still there (when it is not, after a server restart or a failover, the
    ///     server has released the lock). A dead socket shows only when used, so this asks the server.
    /// </summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            return false;
        }

        try
        {
            // Bounded on its own: a connection string's Command Timeout may be 0 for long builds, and a silently dead
            // socket would otherwise keep the lock guard (and the end of an attempt, waiting for it) for minutes.
            await using var ping = new NpgsqlCommand("SELECT 1", _connection) { CommandTimeout = PingTimeoutSeconds };
            await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    ///     Takes the lock <paramref name="key" /> on a new session like <paramref name="template" /> if no other session
    ///     holds it right now; <see langword="null" /> when another one does.
    /// </summary>
    /// <exception cref="NpgsqlException">The server cannot be reached.</exception>
    public static async Task<MigrationSessionLock?> TryAcquireAsync(NpgsqlConnection template, long key, CancellationToken cancellationToken)
    {
        var connection = MigrationConnections.Dedicated(template, "migration lock");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await TryLockAsync(connection, key, cancellationToken).ConfigureAwait(false))
            {
                return new MigrationSessionLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    ///     Takes the lock <paramref name="key" /> on a new session like <paramref name="template" />, waiting at most
    ///     <paramref name="wait" /> while another session holds it and reporting who that is.
    /// </summary>
    public static async Task<MigrationSessionLock> AcquireAsync(
        NpgsqlConnection template,
        long key,
        TimeSpan wait,
        SafeMigrationsLogger logger,
        CancellationToken cancellationToken)
    {
        var connection = MigrationConnections.Dedicated(template, "migration lock");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await TransactionPoolerCheck.EnsureSessionAsync(connection, cancellationToken).ConfigureAwait(false);
            var waited = Stopwatch.StartNew();
            SessionInfo? announced = null;
            while (!await TryLockAsync(connection, key, cancellationToken).ConfigureAwait(false))
            {
                var holder = await SessionInfo.FindLockHolderAsync(connection, key, cancellationToken).ConfigureAwait(false);
                if (waited.Elapsed >= wait)
                {
                    throw new SafeMigrationException(
                        $"Another migrator still holds the migration lock on database '{connection.Database}' after {DurationText.Format(wait)}: "
                        + $"{holder?.ToString() ?? "a session that just ended"}. Nothing was changed; wait for it to finish (or end that "
                        + "session) and run the migration again, or allow a longer lock wait.");
                }

                if (holder is not null && holder.ProcessId != announced?.ProcessId)
                {
                    logger.WaitingForLock($"Waiting for the migration lock held by {holder}; giving up after {DurationText.Format(wait)}.");
                    announced = holder;
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }

            if (announced is not null)
            {
                logger.LockAcquired($"Migration lock acquired after {DurationText.Format(waited.Elapsed)}.");
            }

            return new MigrationSessionLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void Dispose() => _connection.Dispose();

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
