using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Samples, every few milliseconds from a session of its own, the locks the writer sessions wait for
///     (<c>pg_locks</c> rows not granted), and keeps for every wait (a session and its <c>waitstart</c>) the longest
///     time it was seen waiting. That separates waiting on a lock from being slow for lack of CPU or I/O, which
///     latency alone cannot. A wait is seen at most one interval late, so each is undercounted by up to one interval
///     and waits shorter than that can be missed.
/// </summary>
/// <remarks>
///     <c>pg_locks.waitstart</c> (PostgreSQL 14+) is when the session began to wait; it can be null for a moment after
///     the wait began, and such a sample is skipped. https://www.postgresql.org/docs/current/view-pg-locks.html
/// </remarks>
internal sealed class LockWaitSampler : IAsyncDisposable
{
    private const string Sql = """
        SELECT l.pid, l.locktype, l.waitstart, extract(epoch FROM clock_timestamp() - l.waitstart)::float8 * 1000
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE NOT l.granted AND l.waitstart IS NOT NULL AND a.application_name = $1
        """;

    private readonly Dictionary<(int Pid, DateTime Start), LockWait> _waits = [];
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _loop;

    /// <summary>How often the writers' locks are sampled.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(10);

    public static async Task<LockWaitSampler> StartAsync(string connectionString, string applicationName, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "cmms-bench-lock-sampler", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sampler = new LockWaitSampler();
        sampler._loop = Task.Factory.StartNew(() => sampler.Sample(connection, applicationName), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return sampler;
    }

    /// <summary>Stops sampling; returns every wait seen (longest first) and how many samples were taken.</summary>
    public async Task<(IReadOnlyList<LockWait> Waits, int Samples)> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        var samples = await _loop!.ConfigureAwait(false);
        return (_waits.Values.OrderByDescending(w => w.Milliseconds).ToList(), samples);
    }

    /// <summary>Stops sampling if a failure elsewhere left it running, and closes its session.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop!.ConfigureAwait(false);
        _stop.Dispose();
    }

    // Synchronous calls on a thread of its own: a busy thread pool cannot stretch the sampling interval.
    private int Sample(NpgsqlConnection connection, string applicationName)
    {
        var samples = 0;
        using (connection)
        {
            using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = applicationName });
            while (!_stop.IsCancellationRequested)
            {
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var key = (reader.GetInt32(0), reader.GetDateTime(2));
                        var waited = reader.GetDouble(3);
                        if (!_waits.TryGetValue(key, out var seen) || seen.Milliseconds < waited)
                        {
                            _waits[key] = new LockWait(reader.GetString(1), waited);
                        }
                    }
                }

                samples++;
                _stop.Token.WaitHandle.WaitOne(Interval);
            }
        }

        return samples;
    }
}
