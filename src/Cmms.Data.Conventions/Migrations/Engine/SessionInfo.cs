using System.Globalization;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>Another session, from <c>pg_stat_activity</c>: the holder of the migration lock, or a session blocking a migration statement.</summary>
/// <param name="ProcessId">Its backend process id (for <c>pg_terminate_backend</c>).</param>
/// <param name="ApplicationName">Its application name.</param>
/// <param name="State">Its state (<c>active</c>, <c>idle in transaction</c>, …); <see langword="null" /> when this role may not see it.</param>
/// <param name="TransactionAge">How long its transaction has been open; <see langword="null" /> when none is, or when this role may not see it.</param>
/// <remarks>
///     Roles without <c>pg_read_all_stats</c> see only the pid of other roles' sessions:
///     https://www.postgresql.org/docs/current/monitoring-stats.html#MONITORING-PG-STAT-ACTIVITY-VIEW
/// </remarks>
internal sealed record SessionInfo(int ProcessId, string? ApplicationName, string? State, TimeSpan? TransactionAge)
{
    // Advisory locks are per database; a bigint key shows in pg_locks as classid (high half), objid (low half), objsubid 1.
    // https://www.postgresql.org/docs/current/view-pg-locks.html
    private const string LockHolderSql = """
        SELECT a.pid, a.application_name, a.state, now() - a.xact_start
        FROM pg_locks l
        JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint = $1 AND l.objid::bigint = $2
        LIMIT 1
        """;

    // pg_blocking_pids covers both heavyweight locks and the virtual-transaction locks a concurrent index build waits on
    // for old snapshots; one query serves all the run's sessions. https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-INFO-SESSION
    private const string BlockersSql = """
        SELECT a.pid, a.application_name, a.state, now() - a.xact_start
        FROM pg_stat_activity a
        WHERE a.pid IN (SELECT unnest(pg_blocking_pids(waiting)) FROM unnest($1::int[]) AS w(waiting))
        ORDER BY a.xact_start NULLS LAST, a.pid
        """;

    /// <summary>The session holding the advisory lock <paramref name="key" /> in the current database, if any.</summary>
    public static async Task<SessionInfo?> FindLockHolderAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        var sessions = await ReadAsync(connection, LockHolderSql, [(key >> 32) & 0xFFFF_FFFF, key & 0xFFFF_FFFF], cancellationToken).ConfigureAwait(false);
        return sessions.Count == 0 ? null : sessions[0];
    }

    /// <summary>The sessions that block any of the backends <paramref name="processIds" /> right now, each once.</summary>
    public static Task<IReadOnlyList<SessionInfo>> FindBlockersAsync(
        NpgsqlConnection connection,
        IReadOnlyCollection<int> processIds,
        CancellationToken cancellationToken)
        => ReadAsync(connection, BlockersSql, [processIds.ToArray()], cancellationToken);

    /// <summary><c>pid 4242 (application 'cmms-db', idle in transaction, transaction open 3m12s)</c>.</summary>
    public override string ToString()
    {
        if (State is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId} (a session of another role, whose details this role may not see)");
        }

        var transaction = TransactionAge is { } age
            ? string.Create(CultureInfo.InvariantCulture, $"transaction open {(int)age.TotalMinutes}m{age.Seconds:00}s")
            : "no open transaction";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"pid {ProcessId} (application '{Printable(ApplicationName ?? string.Empty)}', {State}, {transaction})");
    }

    // Application names are chosen by clients: keep control characters out of log lines and terminals.
    /// <summary>A name from the database as it may go into a log line: control characters shown as <c>?</c>.</summary>
    internal static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));

    private static async Task<IReadOnlyList<SessionInfo>> ReadAsync(
        NpgsqlConnection connection,
        string sql,
        object[] parameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var sessions = new List<SessionInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sessions.Add(new SessionInfo(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetTimeSpan(3)));
        }

        return sessions;
    }
}
