using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>The server sessions a migration run works in: the migration's own connection and its parallel index build sessions.</summary>
internal static class MigrationSessions
{
    /// <summary>
    ///     The backend pids of <paramref name="migrationConnection" /> (while it is open) and of the run's parallel index
    ///     build sessions, read from another thread than the one migrating.
    /// </summary>
    /// <remarks>
    ///     The migration's connection belongs to EF Core on another thread, which may replace its DbConnection when it
    ///     reopens it (a data source's connections are made per open): the current one's pid is read only while it is open
    ///     (State, unlike FullState, stays Open while a command runs). Parallel build sessions register themselves in the run state.
    /// </remarks>
    public static List<int> ProcessIds(IRelationalConnection migrationConnection, MigrationRunState run)
    {
        var pids = run.BuildSessions.Keys.ToList();
        try
        {
            if (migrationConnection.DbConnection is NpgsqlConnection { State: System.Data.ConnectionState.Open } open && !pids.Contains(open.ProcessID))
            {
                pids.Insert(0, open.ProcessID);
            }
        }
        catch (InvalidOperationException)
        {
        }

        return pids;
    }

    /// <summary>
    ///     Ends the sessions <paramref name="pids" /> (<c>pg_terminate_backend</c>) from a new session like
    ///     <paramref name="template" />, so that their next statement fails as after a lost connection; best effort, since
    ///     a server that cannot be reached has ended them already.
    /// </summary>
    public static async Task TerminateAsync(NpgsqlConnection template, IReadOnlyList<int> pids, CancellationToken cancellationToken)
    {
        if (pids.Count == 0)
        {
            return;
        }

        try
        {
            await using var connection = MigrationConnections.Dedicated(template, "migration lock guard");
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS t(pid)", connection)
            {
                Parameters = { new() { Value = pids.ToArray() } },
            };
            await terminate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
        }
    }
}
