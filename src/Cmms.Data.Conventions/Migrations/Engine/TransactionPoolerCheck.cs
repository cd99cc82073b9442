using System.Data;
using System.Globalization;
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
///         nothing more is asked: one round trip.
///     </para>
///     <para>
///         Otherwise the first client's statement ran on some backend B, and the check holds a transaction open on one
///         more client at a time (each keeps its server connection until it ends) and asks the first client again after each.
///         In session mode B stays linked to the first client until it disconnects: no other client is ever given B, and the
///         first client's statements always run on B. In transaction mode B went back to the pool's idle list when the
///         statement ended. The order of that list does not matter: PgBouncer hands a waiting client the head of it, and
///         puts a released server at its head (<c>server_round_robin = 0</c>, LIFO) or its tail (<c>= 1</c>)
///         (<c>find_server</c> and <c>change_server_state</c> in src/objects.c, 1.18), so each held client takes one idle
///         server away until B is handed to a held client or the first client's next statement lands elsewhere; either
///         proves transaction mode. In statement mode PgBouncer ends a client that leaves a transaction open ("long
///         transactions not allowed").
///     </para>
///     <para>
///         A session pooler is shown by exhaustion: PgBouncer opens a new server connection for a waiting client only when
///         no idle, tested or used server is left (<c>per_loop_activate</c> in src/janitor.c, 1.18), so a held client given a
///         backend that started after the server clock's last reading before its request, or none within
///         <see cref="ServerSessionWait" /> (the pool is full; in session mode PgBouncer links the server at login, so the
///         login waits), had taken every idle server, and none was B. The first client's next statement must still run on
///         B: in transaction mode, with the idle list just emptied, it would have to wait for another server. A warmed pool
///         needs as many held clients as it has idle servers, hence the bound <see cref="MostHeldClients" />. Only a server
///         that PgBouncer opens on its own (<c>min_pool_size</c>) and that finishes its login in the instant between that
///         clock reading and the request could pass for a fresh one while B is still idle.
///     </para>
///     <para>
///         Nothing is left on any server connection: the held transactions only read <c>pg_backend_pid()</c> and
///         <c>pg_stat_activity</c> and are rolled back. Another application's clients using the same pool during the check
///         can take B in transaction mode; the check assumes a migration's pool is otherwise quiet for those few statements.
///     </para>
/// </remarks>
internal static class TransactionPoolerCheck
{
    /// <summary>How long one statement may wait for PgBouncer to hand it a server connection.</summary>
    internal static readonly TimeSpan ServerSessionWait = TimeSpan.FromSeconds(5);

    /// <summary>More clients than a warmed pool of PgBouncer's default size (<c>default_pool_size = 20</c>) has idle servers.</summary>
    internal const int MostHeldClients = 50;

    private const string Advice = "a migration needs one server session for its whole run. Nothing was changed; migrate over a direct "
        + "connection to PostgreSQL or a session-pooled one (PgBouncer pool_mode = session).";

    private const string SessionSql = "SELECT pg_backend_pid(), clock_timestamp()";

    private const string HeldSessionSql = "SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()";

    /// <summary>
    ///     Returns when <paramref name="connection" /> (open, nothing set on it yet) keeps one server session; throws a
    ///     <see cref="SafeMigrationException" /> saying to use a direct or session-pooled connection otherwise.
    /// </summary>
    public static async Task EnsureSessionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var first = await ReadAsync(connection, null, SessionSql, cancellationToken).ConfigureAwait(false);
        if (first.ProcessId == connection.ProcessID)
        {
            return;
        }

        // Npgsql's open does not stop at a cancellation while PgBouncer keeps the login waiting; its Timeout (seconds) does,
        // a second after the wait's own bound, which WaitedInVain looks for.
        var holderConnectionString = new NpgsqlConnectionStringBuilder(MigrationConnections.DedicatedConnectionString(connection, "pooler check"))
        {
            Timeout = (int)ServerSessionWait.TotalSeconds + 1,
        }.ConnectionString;
        var held = new List<NpgsqlConnection>();
        try
        {
            var since = first.Time;
            while (held.Count < MostHeldClients)
            {
                var holder = connection.CloneWith(holderConnectionString);
                held.Add(holder);
                var taken = await HoldAsync(holder, connection.Database, cancellationToken).ConfigureAwait(false);
                if (taken?.ProcessId == first.ProcessId)
                {
                    throw Refused(connection.Database, "another client was handed the server session of the first between its statements");
                }

                var again = await TryReadAsync(connection, SessionSql, cancellationToken).ConfigureAwait(false)
                    ?? throw Refused(connection.Database, "a statement waited for a server session to be free");
                if (again.ProcessId != first.ProcessId)
                {
                    throw Refused(connection.Database, "consecutive statements ran on different server sessions");
                }

                if (taken is null || taken.Time > since)
                {
                    // Every idle server was taken, none was the first client's, and it still has its own: session mode.
                    return;
                }

                since = again.Time;
            }

            throw new SafeMigrationException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The connection to database '{connection.Database}' goes through a connection pooler that handed {MostHeldClients} "
                    + $"clients idle server sessions without showing whether it keeps one per client: {Advice}"));
        }
        finally
        {
            foreach (var holder in held)
            {
                await holder.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // A transaction on a client of its own, left open so that it keeps its server connection: that server's backend and
    // when it started, or null when PgBouncer had none to give within the wait (in session mode it links one at login).
    private static async Task<ServerSession?> HoldAsync(NpgsqlConnection holder, string database, CancellationToken cancellationToken)
    {
        using var wait = Bounded(cancellationToken);
        try
        {
            await holder.OpenAsync(wait.Token).ConfigureAwait(false);
            var transaction = await holder.BeginTransactionAsync(wait.Token).ConfigureAwait(false);
            return await ReadAsync(holder, transaction, HeldSessionSql, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (WaitedInVain(ex, wait, cancellationToken))
        {
            return null;
        }
        catch (NpgsqlException ex) when (holder.FullState is not ConnectionState.Open)
        {
            // PgBouncer in statement mode ends a client that leaves a transaction open ("long transactions not allowed").
            throw Refused(database, $"a transaction was refused: {MigrationRetryStrategy.Describe(ex)}", ex);
        }
    }

    private static async Task<ServerSession?> TryReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var wait = Bounded(cancellationToken);
        try
        {
            return await ReadAsync(connection, null, sql, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (WaitedInVain(ex, wait, cancellationToken))
        {
            return null;
        }
    }

    private static CancellationTokenSource Bounded(CancellationToken cancellationToken)
    {
        var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(ServerSessionWait);
        return wait;
    }

    // Npgsql reports a cancelled wait as an OperationCanceledException, or as an NpgsqlException once it gives up on the
    // connection (PgBouncer ignores a cancel request for a client that has no server yet): what counts is that the bound fired.
    private static bool WaitedInVain(Exception exception, CancellationTokenSource wait, CancellationToken cancellationToken)
        => exception is OperationCanceledException or NpgsqlException && wait.IsCancellationRequested && !cancellationToken.IsCancellationRequested;

    private static async Task<ServerSession> ReadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ServerSession(reader.GetInt32(0), reader.GetFieldValue<DateTime>(1));
    }

    private static SafeMigrationException Refused(string database, string evidence, Exception? inner = null)
    {
        var message = $"The connection to database '{database}' goes through a connection pooler in transaction or statement mode ({evidence}): {Advice}";
        return inner is null ? new SafeMigrationException(message) : new SafeMigrationException(message, inner);
    }

    // A backend and a time from the server's clock: when the statement ran, or when a held client's backend started.
    private sealed record ServerSession(int ProcessId, DateTime Time);
}
