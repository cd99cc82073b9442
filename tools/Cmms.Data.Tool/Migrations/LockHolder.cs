using System.Globalization;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>The session holding the migration lock, from <c>pg_locks</c> and <c>pg_stat_activity</c>.</summary>
/// <param name="ProcessId">The holder's backend process id (for <c>pg_terminate_backend</c>).</param>
/// <param name="ApplicationName">The holder's application name (<c>cmms-db</c> for another migrator).</param>
/// <param name="ClientAddress">The holder's client address; <see langword="null" /> for a Unix socket, or when this role may not see it.</param>
/// <param name="ConnectedAt">When the holder's session started; <see langword="null" /> when this role may not see it.</param>
/// <remarks>
///     Roles without <c>pg_read_all_stats</c> see only the pid of other roles' sessions:
///     https://www.postgresql.org/docs/current/monitoring-stats.html#MONITORING-PG-STAT-ACTIVITY-VIEW
/// </remarks>
internal sealed record LockHolder(int ProcessId, string ApplicationName, string? ClientAddress, DateTime? ConnectedAt)
{
    // Advisory locks are per database; a bigint key shows in pg_locks as classid (high half), objid (low half), objsubid 1.
    // https://www.postgresql.org/docs/current/view-pg-locks.html
    private const string Sql = """
        SELECT a.pid, coalesce(a.application_name, ''), host(a.client_addr), a.backend_start
        FROM pg_locks l
        JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint = $1 AND l.objid::bigint = $2
        LIMIT 1
        """;

    /// <summary>The session holding the advisory lock <paramref name="key" /> in the current database, if any.</summary>
    public static async Task<LockHolder?> FindAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new() { Value = (key >> 32) & 0xFFFF_FFFF }, new() { Value = key & 0xFFFF_FFFF } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new LockHolder(
            reader.GetInt32(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetDateTime(3).ToUniversalTime());
    }

    /// <summary><c>pid 4242 (application 'cmms-db', client 10.0.0.7, connected since 2026-11-21 07:40:12Z)</c>.</summary>
    public override string ToString()
        => ConnectedAt is { } connectedAt
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"pid {ProcessId} (application '{ApplicationName}', client {ClientAddress ?? "local socket"}, connected since {connectedAt:yyyy-MM-dd HH:mm:ss}Z)")
            : $"pid {ProcessId} (a session of another role, whose details this role may not see)";
}
