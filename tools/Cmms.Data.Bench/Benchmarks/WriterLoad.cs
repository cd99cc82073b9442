using System.Diagnostics;
using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Several writer sessions inserting into and updating <c>orders</c>, <c>user_activity_logs</c>,
///     <c>api_request_logs</c> and <c>guests</c> without pause, each statement in autocommit as an application sends
///     it, every one timed on a shared clock. Sessions are named <see cref="ApplicationName" /> so that their lock
///     waits can be told apart from everybody else's.
/// </summary>
internal sealed class WriterLoad : IAsyncDisposable
{
    /// <summary>The <c>application_name</c> of the writer sessions.</summary>
    public const string ApplicationName = "cmms-bench-writer";

    /// <summary>The tables the writers write to.</summary>
    public static readonly IReadOnlyList<string> Tables = ["orders", "user_activity_logs", "api_request_logs", "guests"];

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task<List<WriterSample>>> _writers = [];

    private WriterLoad()
    {
    }

    /// <summary>
    ///     Opens <paramref name="sessions" /> sessions and starts writing. <paramref name="sequence" /> numbers the
    ///     statements across runs, so every INSERT writes fresh unique values and UPDATEs visit rows spread over the table.
    /// </summary>
    public static async Task<WriterLoad> StartAsync(
        string connectionString, IReadOnlyList<WriteStatement> statements, int sessions, WriteSequence sequence, Stopwatch clock, CancellationToken cancellationToken)
    {
        var writerConnection = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName, Pooling = false }.ConnectionString;
        var load = new WriterLoad();
        for (var i = 0; i < sessions; i++)
        {
            var connection = new NpgsqlConnection(writerConnection);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            load._writers.Add(Task.Factory.StartNew(
                () => Write(connection, statements, sequence, clock, load._stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        return load;
    }

    /// <summary>Stops the writers after their current statement and returns every statement they ran.</summary>
    public async Task<IReadOnlyList<WriterSample>> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        var samples = await Task.WhenAll(_writers).ConfigureAwait(false);
        return samples.SelectMany(s => s).OrderBy(s => s.StartSeconds).ToList();
    }

    /// <summary>Stops the writers if a failure elsewhere left them running, and closes their sessions.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_writers).ConfigureAwait(false);
        _stop.Dispose();
    }

    // The stop token is checked between statements only: cancelling one in flight would count as a failed write.
    // Synchronous calls on a thread of its own per writer, so a busy thread pool adds nothing to the measured latency.
    private static List<WriterSample> Write(
        NpgsqlConnection connection, IReadOnlyList<WriteStatement> statements, WriteSequence sequence, Stopwatch clock, CancellationToken stop)
    {
        var samples = new List<WriterSample>();
        using (connection)
        {
            while (!stop.IsCancellationRequested)
            {
                var n = sequence.Next();
                var statement = statements[n / 2 % statements.Count];
                var (sql, values) = n % 2 == 0 ? (statement.Insert, statement.InsertValues(n)) : (statement.Update, statement.UpdateValues(n));
                var start = clock.Elapsed.TotalSeconds;
                var failed = false;
                try
                {
                    using var command = new NpgsqlCommand(sql, connection);
                    foreach (var value in values)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value });
                    }

                    command.ExecuteNonQuery();
                }
                catch (PostgresException)
                {
                    // A statement the server refused (a lock timeout, a deadlock, a constraint): counted, and the writer goes on.
                    failed = true;
                }

                samples.Add(new WriterSample(start, (clock.Elapsed.TotalSeconds - start) * 1000, failed));
            }
        }

        return samples;
    }
}
