using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     The backend pids of a run's connections, as <c>pg_stat_activity</c> and <c>pg_blocking_pids</c> know them, so that a
///     lock_timeout can name who blocked them.
/// </summary>
/// <remarks>
///     A direct connection's startup key (<see cref="NpgsqlConnection.ProcessID" />) is its backend pid, but PgBouncer, even
///     in session mode, sends a random key of its own (https://github.com/pgbouncer/pgbouncer/pull/945). So the first
///     connection asks <c>pg_backend_pid()</c>; once one answer equals its startup key the connections are direct and the
///     key is used without asking again (all of a run's connections are made from one connection string).
/// </remarks>
internal sealed class BackendProcessIds
{
    private volatile bool _keysArePids;

    /// <summary>The backend pid of the open <paramref name="connection" />, outside or inside its transaction.</summary>
    public async Task<int> OfAsync(NpgsqlConnection connection, bool async, CancellationToken cancellationToken)
    {
        if (_keysArePids)
        {
            return connection.ProcessID;
        }

        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var pid = (int)(async ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteScalar())!;
        if (pid == connection.ProcessID)
        {
            _keysArePids = true;
        }

        return pid;
    }
}
