using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>
/// The one PostgreSQL server the whole test run shares. If the environment variable
/// <c>CMMS_TEST_CONNECTION</c> holds an Npgsql connection string (superuser-capable, to a maintenance
/// database such as <c>postgres</c>), that server is used. Otherwise a throwaway
/// <see cref="LocalPostgresCluster"/> is started on first use and stopped when the test process
/// exits; its watchdog cleans up if the process is killed instead.
/// </summary>
/// <remarks>
/// When no server can be found or started, <see cref="Instance"/> throws the same one-line error
/// (for example the install hint of <see cref="PostgresNotFoundException"/>) every time it is
/// read, so every database test fails with that message: they are never skipped.
/// </remarks>
public sealed class SharedPostgresServer
{
    /// <summary>The environment variable naming an existing server to test against.</summary>
    public const string ConnectionVariable = "CMMS_TEST_CONNECTION";

    private static readonly Lazy<SharedPostgresServer> LazyInstance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private SharedPostgresServer(string maintenanceConnectionString, LocalPostgresCluster? cluster)
    {
        MaintenanceConnectionString = maintenanceConnectionString;
        Cluster = cluster;
    }

    /// <summary>The shared server, started on first use.</summary>
    /// <exception cref="PostgresNotFoundException">No PostgreSQL server binaries are installed.</exception>
    /// <exception cref="LocalPostgresException">The local server could not be created or started.</exception>
    public static SharedPostgresServer Instance => LazyInstance.Value;

    /// <summary>The connection string of the maintenance database (where databases are created and dropped).</summary>
    public string MaintenanceConnectionString { get; }

    /// <summary>The local cluster this run started, or <see langword="null"/> when <c>CMMS_TEST_CONNECTION</c> is used.</summary>
    public LocalPostgresCluster? Cluster { get; }

    /// <summary>A connection string for <paramref name="database"/> on this server, with the maintenance database's other settings.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database whose name starts with <paramref name="nameHint"/> (see <see cref="DatabaseNames.Create"/>).</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string nameHint, CancellationToken cancellationToken = default)
    {
        var name = DatabaseNames.Create(nameHint);
        await PostgresDatabases.CreateAsync(MaintenanceConnectionString, name, cancellationToken);
        return new TestDatabase(this, name);
    }

    /// <summary>Whether a database of that name exists on this server.</summary>
    public Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken = default) =>
        PostgresDatabases.ExistsAsync(MaintenanceConnectionString, name, cancellationToken);

    /// <summary>Drops a database, closing this process's pooled connections to it and forcing out any others.</summary>
    internal Task DropDatabaseAsync(string name, string databaseConnectionString) =>
        PostgresDatabases.DropAsync(MaintenanceConnectionString, name, databaseConnectionString);

    private static SharedPostgresServer Start()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new SharedPostgresServer(external, cluster: null);
        }

        LocalPostgresCluster cluster;
        try
        {
            cluster = LocalPostgresCluster.StartThrowaway();
        }
        catch (PostgresNotFoundException e)
        {
            throw new PostgresNotFoundException($"{e.Message} (Tests take it from {ConnectionVariable}.)", e);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopQuietly(cluster);
        return new SharedPostgresServer(cluster.ConnectionString, cluster);
    }

    /// <summary>
    /// Stops the run's cluster as the test process exits. The test platform may end the process
    /// before this finishes, and nothing can be reported from here: the cluster's watchdog
    /// completes the cleanup in either case.
    /// </summary>
    private static void StopQuietly(LocalPostgresCluster cluster)
    {
        try
        {
            cluster.Dispose();
        }
        catch (LocalPostgresException)
        {
            // The watchdog removes what is left.
        }
        catch (IOException)
        {
            // As above.
        }
    }
}
