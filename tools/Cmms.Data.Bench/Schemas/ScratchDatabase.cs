using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.Bench.Schemas;

/// <summary>
///     A database created next to the one the user named (same server and credentials) for one run, and dropped
///     when disposed, so verify-plans and bench never touch the named database's own tables.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private ScratchDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = name,
            CommandTimeout = 0,
            // Every statement is sent as an unnamed one, so each execution is planned with its own parameter values.
            MaxAutoPrepare = 0,
        }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates an empty database named <c>{prefix}_{8 hex digits}</c>, connecting through the given database.</summary>
    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, string prefix, CancellationToken cancellationToken)
    {
        var name = prefix + "_" + PostgresDatabases.RandomSuffix();
        await PostgresDatabases.CreateAsync(serverConnectionString, name, cancellationToken).ConfigureAwait(false);
        return new ScratchDatabase(serverConnectionString, name);
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Drops the database, closing pooled connections and forcing out any left.</summary>
    public async ValueTask DisposeAsync()
        => await PostgresDatabases.DropAsync(_serverConnectionString, Name, ConnectionString).ConfigureAwait(false);
}
