using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>
/// A database created for a test on the <see cref="SharedPostgresServer"/>; disposing drops it
/// (<c>DROP DATABASE … WITH (FORCE)</c>, so open connections do not block the drop).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SharedPostgresServer _server;
    private int _dropped;

    internal TestDatabase(SharedPostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionStringFor(name);
    }

    /// <summary>The database name (lower-case, at most 63 bytes).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string for this database, as superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a new connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops the database (once; later calls do nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dropped, 1) == 0)
        {
            await _server.DropDatabaseAsync(Name, ConnectionString);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
