using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>The server sessions a migration run works in: the migration's own connection and its parallel index build sessions.</summary>
internal static class MigrationSessions
{
    /// <summary>
    ///     The backend pids, not the startup keys (a pooler's own), of the migration's connection while its commands run
    ///     and of the run's parallel index build sessions: each registers itself in <paramref name="run" />
    ///     (<see cref="SessionRecordingCommandExecutor" />, <see cref="ParallelIndexBuildsCommand" />).
    /// </summary>
    public static List<int> ProcessIds(MigrationRunState run)
    {
        var pids = run.BuildSessions.Keys.ToList();
        if (run.MigrationSession is { } migration && !pids.Contains(migration))
        {
            pids.Insert(0, migration);
        }

        return pids;
    }

    /// <summary>
    ///     Ends the sessions <paramref name="pids" /> (<c>pg_terminate_backend</c>) from a new session like
    ///     <paramref name="template" />, so that their next statement fails as after a lost connection. Returns the pids
    ///     it ended or found gone; none when the server could not be reached, so that the caller tries again.
    /// </summary>
    public static async Task<IReadOnlyList<int>> TerminateAsync(NpgsqlConnection template, IReadOnlyList<int> pids, CancellationToken cancellationToken)
    {
        if (pids.Count == 0)
        {
            return [];
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
            return pids;
        }
        catch (NpgsqlException)
        {
            return [];
        }
    }
}
