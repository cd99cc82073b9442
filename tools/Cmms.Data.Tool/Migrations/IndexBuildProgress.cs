using System.Globalization;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     Watches the index builds running in the database from <c>pg_stat_progress_create_index</c>, on a connection
///     of its own, and shows the current one (index, phase, blocks done of total) through the <see cref="ProgressWriter" />.
/// </summary>
/// <remarks>
///     Best effort: if the view cannot be read, the migration goes on without progress.
///     https://www.postgresql.org/docs/current/progress-reporting.html#CREATE-INDEX-PROGRESS-REPORTING
/// </remarks>
internal sealed class IndexBuildProgress : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const string Sql = """
        SELECT coalesce(i.relname, '(new index)'), coalesce(t.relname, '?'), p.phase,
               p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total
        FROM pg_stat_progress_create_index p
        LEFT JOIN pg_class i ON i.oid = p.index_relid
        LEFT JOIN pg_class t ON t.oid = p.relid
        WHERE p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY p.pid
        LIMIT 1
        """;

    private readonly CancellationTokenSource _stop = new();
    private readonly ProgressWriter _progress;
    private readonly Task _polling;

    private IndexBuildProgress(string connectionString, ProgressWriter progress)
    {
        _progress = progress;
        _polling = Task.Run(() => PollAsync(connectionString, _stop.Token));
    }

    public static IndexBuildProgress Start(string connectionString, ProgressWriter progress) => new(connectionString, progress);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _polling.ConfigureAwait(false);
        _stop.Dispose();
        _progress.EndLive();
    }

    private async Task PollAsync(string connectionString, CancellationToken stop)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(stop).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Sql, connection);
            var started = new Dictionary<string, DateTime>();
            while (!stop.IsCancellationRequested)
            {
                await using (var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(stop).ConfigureAwait(false))
                    {
                        var index = reader.GetString(0);
                        var since = started.TryGetValue(index, out var at) ? at : started[index] = DateTime.UtcNow;
                        var phase = reader.GetString(2);
                        _progress.Live(index + "|" + phase, Describe(reader, index, phase, DateTime.UtcNow - since));
                    }
                    else
                    {
                        _progress.EndLive();
                    }
                }

                await Task.Delay(PollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Progress is a courtesy; the migration's own connection reports real failures.
        }
    }

    private static string Describe(NpgsqlDataReader reader, string index, string phase, TimeSpan elapsed)
    {
        var (done, total, unit) = reader.GetInt64(4) > 0
            ? (reader.GetInt64(3), reader.GetInt64(4), "blocks")
            : (reader.GetInt64(5), reader.GetInt64(6), "tuples");
        var amount = total > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {done:N0} of {total:N0} {unit} ({100.0 * done / total:0}%)")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"  building {index} on {reader.GetString(1)}: {phase}{amount}, {elapsed.TotalSeconds:0}s");
    }
}
