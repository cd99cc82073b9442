using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Refuses, before the migration lock is taken or anything is set, a connection that a pooler in transaction or
///     statement mode (PgBouncer's <c>pool_mode = transaction</c> or <c>statement</c>) hands out one transaction at a time.
///     A migration needs one server session for its whole run: its session advisory lock, its <c>SET lock_timeout</c> and
///     its <c>CREATE INDEX CONCURRENTLY</c> statements would otherwise land on whichever server connection is free, and the
///     lock and the setting stay behind on that server connection for the next client.
/// </summary>
/// <remarks>
///     <para>
///         A pooler cannot be asked for its mode through the server connection (PgBouncer answers <c>SHOW</c> only on its
///         admin console), so the check observes what the mode does. A server reports its real backend pid in the startup
///         BackendKeyData, which Npgsql exposes as <see cref="NpgsqlConnection.ProcessID" />; PgBouncer sends a random key of
///         its own instead (https://github.com/pgbouncer/pgbouncer/pull/945). When the two agree the connection is direct and
///         nothing more is asked.
///     </para>
///     <para>
///         Otherwise a second client opens a transaction. In session mode every client keeps its server connection, so the
///         second client gets another backend and the first keeps its own. In transaction mode the first client's backend
///         was returned to the pool when its statement ended, and PgBouncer hands out the most recently used idle server
///         first (<c>server_round_robin = 0</c>, its default): the second client is given that backend, or the first client
///         moves to another one while it is taken. In statement mode the open transaction itself is refused.
///     </para>
/// </remarks>
internal static class TransactionPoolerCheck
{
    private const string BackendPidSql = "SELECT pg_backend_pid()";

    /// <summary>
    ///     Returns when <paramref name="connection" /> (open, nothing set on it yet) keeps one server session; throws a
    ///     <see cref="SafeMigrationException" /> saying to use a direct or session-pooled connection otherwise.
    /// </summary>
    public static async Task EnsureSessionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var first = await BackendPidAsync(connection, null, cancellationToken).ConfigureAwait(false);
        if (first == connection.ProcessID)
        {
            return;
        }

        await using var other = MigrationConnections.Dedicated(connection, "pooler check");
        await other.OpenAsync(cancellationToken).ConfigureAwait(false);
        int taken;
        try
        {
            await using var transaction = await other.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            taken = await BackendPidAsync(other, transaction, cancellationToken).ConfigureAwait(false);
            var again = await BackendPidAsync(connection, null, cancellationToken).ConfigureAwait(false);
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            if (taken != first && again == first)
            {
                return;
            }
        }
        catch (NpgsqlException ex) when (other.FullState is not System.Data.ConnectionState.Open)
        {
            // PgBouncer in statement mode ends a client that leaves a transaction open ("long transactions not allowed").
            throw new SafeMigrationException(Refusal(connection.Database, $"a transaction was refused: {MigrationRetryStrategy.Describe(ex)}"), ex);
        }

        throw new SafeMigrationException(Refusal(connection.Database, "consecutive statements ran on different server sessions"));
    }

    private static string Refusal(string database, string evidence)
        => $"The connection to database '{database}' goes through a connection pooler in transaction or statement mode ({evidence}): "
            + "a migration needs one server session for its whole run. Nothing was changed; migrate over a direct connection to "
            + "PostgreSQL or a session-pooled one (PgBouncer pool_mode = session).";

    private static async Task<int> BackendPidAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(BackendPidSql, connection, transaction);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
