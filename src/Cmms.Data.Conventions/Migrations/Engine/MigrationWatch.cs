using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Watches a migration run from a connection of its own: the concurrent index builds in the database
///     (<c>pg_stat_progress_create_index</c>), reported through the <see cref="SafeMigrationsLogger" />, and the
///     sessions that block the migration's connection (into the <see cref="MigrationRunState" />), so that a lock_timeout can name them.
/// </summary>
/// <remarks>
///     Best effort: if the views cannot be read, the migration goes on without progress.
///     https://www.postgresql.org/docs/current/progress-reporting.html#CREATE-INDEX-PROGRESS-REPORTING
/// </remarks>
internal sealed class MigrationWatch : IAsyncDisposable
{
    // Blockers are looked for often enough to be seen before a short lock_timeout cancels the wait (it leaves no trace);
    // progress changes slowly.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int PollsPerProgress = 10;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    // The log gets a line when the build or its phase changes, or this often; the host's IProgress gets every poll.
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    // Only builds this session can name: a plain CREATE INDEX reports index_relid 0, and a build inside a migration's
    // open transaction (InitialSchema) is on a table no other session sees yet. Such a build is not reported, rather
    // than as "(new index) on ?". https://www.postgresql.org/docs/current/progress-reporting.html#CREATE-INDEX-PROGRESS-REPORTING
    private const string ProgressSql = """
        SELECT i.relname, t.relname, p.phase,
               p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total
        FROM pg_stat_progress_create_index p
        JOIN pg_class i ON i.oid = p.index_relid
        JOIN pg_class t ON t.oid = p.relid
        WHERE p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY p.pid
        """;

    private readonly CancellationTokenSource _stop = new();
    private readonly IRelationalConnection _migrationConnection;
    private readonly SafeMigrationsLogger _logger;
    private readonly MigrationRunState _run;
    private readonly Dictionary<string, DateTime> _started = [];
    private Task _polling = Task.CompletedTask;
    private readonly Dictionary<string, (string Phase, DateTime At)> _lastLogged = [];
    private bool _building;

    private MigrationWatch(IRelationalConnection migrationConnection, SafeMigrationsLogger logger, MigrationRunState run)
    {
        _migrationConnection = migrationConnection;
        _logger = logger;
        _run = run;
    }

    public static MigrationWatch Start(IRelationalConnection migrationConnection, SafeMigrationsLogger logger, MigrationRunState run)
    {
        var watch = new MigrationWatch(migrationConnection, logger, run);
        watch._polling = Task.Run(() => watch.WatchAsync(watch._stop.Token));
        return watch;
    }

    // A server that restarted or failed over ends the watch's session too: it watches again once the server is back,
    // as the retried migration resumes there.
    private async Task WatchAsync(CancellationToken stop)
    {
        while (await PollAsync(stop).ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(ReconnectDelay, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _polling.ConfigureAwait(false);
        _stop.Dispose();
        if (_building)
        {
            _logger.IndexBuildEnded();
        }
    }

    // Whether the watch's connection was lost (and the watch should connect again).
    private async Task<bool> PollAsync(CancellationToken stop)
    {
        try
        {
            await using var connection = MigrationConnections.Dedicated((NpgsqlConnection)_migrationConnection.DbConnection, "migration progress");
            await connection.OpenAsync(stop).ConfigureAwait(false);
            await using var progress = new NpgsqlCommand(ProgressSql, connection);
            for (var poll = 0; !stop.IsCancellationRequested; poll++)
            {
                if (poll % PollsPerProgress == 0)
                {
                    await ReportBuildAsync(progress, stop).ConfigureAwait(false);
                }

                // Parallel index builds run in sessions of their own (ParallelIndexBuildsCommand): a lock_timeout may hit any of them.
                if (MigrationProcessIds() is { Count: > 0 } pids
                    && await SessionInfo.FindBlockersAsync(connection, pids, stop).ConfigureAwait(false) is { Count: > 0 } blockers)
                {
                    _run.LastBlockers = blockers;
                }

                await Task.Delay(PollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Watching is a courtesy; the migration's own connection reports real failures.
            return MigrationRetryStrategy.IsConnectionLost(ex) && !stop.IsCancellationRequested;
        }

        return false;
    }

    // One line per running build: several run at once when the builds of different tables run in parallel sessions.
    private async Task ReportBuildAsync(NpgsqlCommand progress, CancellationToken stop)
    {
        var builds = new List<IndexBuildStatus>();
        await using (var reader = await progress.ExecuteReaderAsync(stop).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(stop).ConfigureAwait(false))
            {
                var index = reader.GetString(0);
                var now = DateTime.UtcNow;
                var since = _started.TryGetValue(index, out var at) ? at : _started[index] = now;
                var (done, total, unit) = reader.GetInt64(4) > 0
                    ? (reader.GetInt64(3), reader.GetInt64(4), "blocks")
                    : (reader.GetInt64(5), reader.GetInt64(6), "tuples");
                builds.Add(new IndexBuildStatus(index, reader.GetString(1), reader.GetString(2), done, total, unit, now - since));
            }
        }

        if (builds.Count == 0)
        {
            if (_building)
            {
                _building = false;
                _logger.IndexBuildEnded();
            }

            return;
        }

        _building = true;
        foreach (var status in builds)
        {
            var now = DateTime.UtcNow;
            var message = Describe(status);
            if (!_lastLogged.TryGetValue(status.Index, out var last) || last.Phase != status.Phase || now - last.At >= LogInterval)
            {
                _lastLogged[status.Index] = (status.Phase, now);
                _logger.IndexBuild(status, message);
            }
            else
            {
                _logger.IndexBuildUnlogged(status, message);
            }
        }
    }

    private List<int> MigrationProcessIds() => MigrationSessions.ProcessIds(_run);

    /// <summary><c>building ix_orders_machine_id on orders: building index: scanning table, 1,200 of 5,000 blocks (24%), 3s</c>.</summary>
    public static string Describe(IndexBuildStatus status)
    {
        var amount = status.Total > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {status.Done:N0} of {status.Total:N0} {status.Unit} ({100.0 * status.Done / status.Total:0}%)")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"building {SessionInfo.Printable(status.Index)} on {SessionInfo.Printable(status.Table)}: {status.Phase}{amount}, {status.Elapsed.TotalSeconds:0}s");
    }
}
