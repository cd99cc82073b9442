using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>A repeatable-read transaction whose snapshot, taken before a migration starts, holds its concurrent builds back.</summary>
internal sealed class OldSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private OldSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<OldSnapshot> TakeAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var read = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection, transaction);
        await read.ExecuteScalarAsync();
        return new OldSnapshot(connection, transaction);
    }

    public async Task EndAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        await _connection.DisposeAsync();
    }
}
