using System.Diagnostics;
using Npgsql;

namespace Cmms.Data.SafeSchemaBench;

/// <summary>
///     Inserts into and updates a busy table without pause, on its own connection, until disposed; records how long its
///     longest statement took (its wait for locks included) and any error.
/// </summary>
/// <remarks>Every row it writes satisfies the constraints the scenarios add: a known parent, value ≥ 0, a fresh serial.</remarks>
internal sealed class BusyWriter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<Exception> _errors = [];

    private BusyWriter(string connectionString, string table, int rows) => _loop = Task.Run(() => RunAsync(connectionString, table, rows));

    public TimeSpan LongestStatement { get; private set; }

    private int _statements;

    public int Statements => Volatile.Read(ref _statements);

    public IReadOnlyList<Exception> Errors => _errors;

    public static async Task<BusyWriter> StartAsync(string connectionString, string table, int rows)
    {
        var writer = new BusyWriter(connectionString, table, rows);
        while (writer.Statements < 20 && !writer._loop.IsCompleted)
        {
            await Task.Delay(10);
        }

        return writer;
    }

    /// <summary>Forgets the statements so far (connection warm-up): from now on, <see cref="LongestStatement" /> and <see cref="Statements" /> count afresh.</summary>
    public void StartMeasuring()
    {
        LongestStatement = TimeSpan.Zero;
        Interlocked.Exchange(ref _statements, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(string connectionString, string table, int rows)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {table} (parent_id, value, serial) VALUES (1 + (random() * {BusyTable.Parents - 1})::int, 1, 'w' || gen_random_uuid())", connection);
            await using var update = new NpgsqlCommand(
                $"UPDATE {table} SET value = value + 1 WHERE id = $1", connection);
            // The row is picked here, not with random() in SQL: a volatile WHERE cannot use the index, and a writer that
            // scans the table on every update would measure its own slowness rather than lock waits.
            var id = new NpgsqlParameter<long>();
            update.Parameters.Add(id);
            var clock = new Stopwatch();
            while (!_stop.IsCancellationRequested)
            {
                id.TypedValue = Random.Shared.NextInt64(1, rows + 1);
                foreach (var command in new[] { insert, update })
                {
                    clock.Restart();
                    await command.ExecuteNonQueryAsync();
                    LongestStatement = clock.Elapsed > LongestStatement ? clock.Elapsed : LongestStatement;
                    Interlocked.Increment(ref _statements);
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            _errors.Add(ex);
        }
    }
}
