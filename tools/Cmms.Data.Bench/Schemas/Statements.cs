using Npgsql;

namespace Cmms.Data.Bench.Schemas;

/// <summary>Runs the benchmark's own SQL: loads, index builds, VACUUM, the advice's statements.</summary>
internal static class Statements
{
    /// <summary>
    ///     Runs one or more statements on <paramref name="connection" /> with no command timeout: a load, an index build or
    ///     a VACUUM at scale takes as long as it takes, and cancelling is <paramref name="cancellationToken" />'s job.
    /// </summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
