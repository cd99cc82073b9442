using Npgsql;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster in a local directory, reached over TCP on 127.0.0.1 as superuser <c>postgres</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Persistent</b> clusters (<see cref="Persistent"/>) are created on first use and reused later:
/// <see cref="EnsureStartedAsync"/> attaches to a running server, starts a stopped one, or creates a
/// new one. The port is chosen once and stored in the cluster configuration. Disposing a persistent
/// cluster leaves the server running; call <see cref="StopAsync"/> to stop it. Every connection must give the
/// superuser's generated password (scram-sha-256), kept in <see cref="PasswordFile"/> (mode 0600, in the 0700
/// cluster directory) and put into <see cref="ConnectionString"/>; a cluster made by an older version with trust
/// authentication is moved to a password on its next start. Creating, starting and stopping hold a lock file, so
/// two processes doing it at the same instant take turns.
/// </para>
/// <para>
/// <b>Throwaway</b> clusters (<see cref="StartThrowawayAsync"/>) live in a new temporary directory
/// with durability switched off and trust authentication on loopback and the socket (they hold only test data
/// and live for one test run). Disposing stops the server and deletes the directory; a detached
/// watchdog does the same if the owning process dies without disposing (even by SIGKILL).
/// </para>
/// <para>
/// When the current process is root, <c>initdb</c>, <c>pg_ctl</c> and the server run as the
/// <c>postgres</c> OS user, which is given the cluster directory.
/// </para>
/// </remarks>
public sealed class LocalPostgresCluster : IAsyncDisposable, IDisposable
{
    /// <summary>The superuser created by <c>initdb</c>.</summary>
    public const string SuperUser = "postgres";

    /// <summary>The maintenance database every cluster has.</summary>
    public const string MaintenanceDatabase = "postgres";

    /// <summary>
    /// The library a persistent cluster preloads (<c>shared_preload_libraries</c>) when the server has it:
    /// <c>pg_stat_statements</c>, which records the workload only when loaded at server start
    /// (https://www.postgresql.org/docs/15/pgstatstatements.html), so that <c>cmms-db advise</c> works on the embedded server.
    /// </summary>
    public const string PreloadedStatistics = "pg_stat_statements";

    private readonly ClusterLayout _layout;
    private readonly PgCtl _pgCtl;
    private readonly ServerUser _user = ServerUser.Current;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ThrowawayWatchdog? _watchdog;
    private int? _port;
    private string? _password;
    private bool _disposed;
    private IReadOnlyList<string> _preloadLibraries = [];

    private LocalPostgresCluster(string rootDirectory, PostgresBinaries binaries, bool isThrowaway)
    {
        _layout = new ClusterLayout(rootDirectory);
        Binaries = binaries;
        IsThrowaway = isThrowaway;
        _pgCtl = new PgCtl(binaries, _layout, _user);
        _port = ClusterSettings.ReadPort(_layout);
        _password = isThrowaway ? null : SuperuserPassword.Read(_layout);
    }

    /// <summary>The directory holding the data directory, the server log and (usually) the socket.</summary>
    public string Directory => _layout.RootDirectory;

    /// <summary>The PostgreSQL data directory, <c>Directory/data</c>.</summary>
    public string DataDirectory => _layout.DataDirectory;

    /// <summary>The server log, <c>Directory/postgres.log</c>.</summary>
    public string LogFile => _layout.LogFile;

    /// <summary>The Unix socket directory (<see cref="Directory"/>, or a short <c>/tmp</c> path when that is too long).</summary>
    public string SocketDirectory => _layout.SocketDirectory;

    /// <summary>
    /// The file holding the superuser password of a persistent cluster (<c>Directory/password</c>, readable by its
    /// owner only); <see langword="null"/> for a throwaway cluster, which trusts local connections.
    /// </summary>
    public string? PasswordFile => IsThrowaway ? null : _layout.PasswordFile;

    /// <summary>The server binaries this cluster runs.</summary>
    public PostgresBinaries Binaries { get; }

    /// <summary>Whether this is a throwaway cluster (deleted on dispose).</summary>
    public bool IsThrowaway { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    /// <exception cref="InvalidOperationException">The cluster has not been created yet.</exception>
    public int Port => _port ?? throw new InvalidOperationException(
        $"The cluster in '{Directory}' has no port yet: call {nameof(EnsureStartedAsync)} first.");

    /// <summary>An Npgsql connection string for the <c>postgres</c> maintenance database, with the password if there is one.</summary>
    public string ConnectionString => GetConnectionString(MaintenanceDatabase);

    /// <summary>
    /// A cluster kept in <paramref name="directory"/> (for example <c>.cmms/postgres</c>) across runs.
    /// Nothing happens on disk until <see cref="EnsureStartedAsync"/>.
    /// </summary>
    /// <param name="directory">The cluster directory; created on first start.</param>
    /// <param name="binaries">The server binaries; located with <see cref="PostgresBinaries.Locate()"/> when <see langword="null"/>.</param>
    /// <exception cref="PostgresNotFoundException">No server binaries were given or found.</exception>
    public static LocalPostgresCluster Persistent(string directory, PostgresBinaries? binaries = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var located = binaries ?? PostgresBinaries.Locate();
        return new LocalPostgresCluster(directory, located, isThrowaway: false)
        {
            _preloadLibraries = located.HasLibrary(PreloadedStatistics) ? [PreloadedStatistics] : [],
        };
    }

    /// <summary>Creates and starts a throwaway cluster in a new temporary directory.</summary>
    /// <exception cref="PostgresNotFoundException">No server binaries were given or found.</exception>
    /// <exception cref="LocalPostgresException">The cluster could not be created or started (nothing is left behind).</exception>
    public static async Task<LocalPostgresCluster> StartThrowawayAsync(
        ThrowawayClusterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ThrowawayClusterOptions();
        var binaries = options.Binaries ?? PostgresBinaries.Locate();
        var parent = options.ParentDirectory ?? Path.GetTempPath();
        System.IO.Directory.CreateDirectory(parent);
        var root = Path.Combine(parent, "cmms-pg-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(root);

        var cluster = new LocalPostgresCluster(root, binaries, isThrowaway: true) { _preloadLibraries = options.SharedPreloadLibraries };
        try
        {
            cluster._watchdog = ThrowawayWatchdog.Start(options.OwnerProcessId ?? Environment.ProcessId, cluster._layout, binaries, cluster._user);
            await cluster.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            try
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
            catch (LocalPostgresException)
            {
                // Report the original failure; the watchdog removes whatever is left.
            }

            throw;
        }
    }

    /// <summary>Synchronous form of <see cref="StartThrowawayAsync"/>, safe to call from an xunit fixture constructor.</summary>
    /// <inheritdoc cref="StartThrowawayAsync" path="/exception"/>
    public static LocalPostgresCluster StartThrowaway(ThrowawayClusterOptions? options = null) =>
        StartThrowawayAsync(options).GetAwaiter().GetResult();

    /// <summary>
    /// An Npgsql connection string for <paramref name="database"/> on this cluster. For a persistent cluster it
    /// holds the superuser password: print <see cref="PasswordFile"/> instead, never the string itself.
    /// </summary>
    public string GetConnectionString(string database) => BuildConnectionString(database, _password);

    /// <summary>
    /// Makes sure the server runs: creates the cluster if needed, starts it if it is stopped, and
    /// returns at once if it already runs (possibly started by another process).
    /// </summary>
    /// <exception cref="LocalPostgresException">initdb or pg_ctl failed; the message ends with the server log's last lines.</exception>
    public Task EnsureStartedAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync(async () =>
        {
            await StartLockedAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// <see cref="EnsureStartedAsync"/>, then creates <paramref name="database"/> if it does not exist, all under the
    /// cluster's lock (so two processes doing this at once create it once), and returns its connection string.
    /// </summary>
    /// <exception cref="LocalPostgresException">initdb or pg_ctl failed; the message ends with the server log's last lines.</exception>
    /// <exception cref="PostgresException">The server refused to create the database.</exception>
    public Task<string> EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return WithLockAsync(async () =>
        {
            await StartLockedAsync(cancellationToken).ConfigureAwait(false);
            if (!await PostgresDatabases.ExistsAsync(ConnectionString, database, cancellationToken).ConfigureAwait(false))
            {
                await PostgresDatabases.CreateAsync(ConnectionString, database, cancellationToken).ConfigureAwait(false);
            }

            return GetConnectionString(database);
        }, cancellationToken);
    }

    /// <summary>
    /// Stops the server (fast shutdown, then immediate on timeout). Does nothing if it is not running.
    /// The Npgsql pool of <see cref="ConnectionString"/> is cleared, so a later start does not hand
    /// out dead pooled connections; callers that pooled other databases should clear those pools.
    /// </summary>
    /// <exception cref="LocalPostgresException">The server would not stop.</exception>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.CompletedTask;
        }

        return WithLockAsync(async () =>
        {
            await _pgCtl.StopAsync(immediately: false, cancellationToken).ConfigureAwait(false);
            ClearMaintenancePool();
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Restarts the running server (fast shutdown, which ends every session, then a start) and returns once it accepts
    /// connections again. The Npgsql pool of <see cref="ConnectionString"/> is cleared, as by <see cref="StopAsync"/>.
    /// </summary>
    /// <exception cref="LocalPostgresException">The server did not restart; the message ends with the server log's last lines.</exception>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync(async () =>
        {
            await _pgCtl.RestartAsync(cancellationToken).ConfigureAwait(false);
            ClearMaintenancePool();
            return true;
        }, cancellationToken);

    /// <summary>Reports whether the cluster exists and runs, its port and its postmaster process id.</summary>
    public Task<LocalPostgresStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _pgCtl.StatusAsync(cancellationToken);
    }

    /// <summary>
    /// For a throwaway cluster: stops the server (immediate shutdown) and deletes its directory. For a persistent
    /// cluster: nothing (the server keeps running for the next use).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (IsThrowaway)
        {
            try
            {
                // The data is about to be deleted: skip the shutdown checkpoint.
                await _pgCtl.StopAsync(immediately: true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _layout.DeleteAll();
                _watchdog?.Dispose();
            }
        }

        _gate.Dispose();
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> (for <c>ProcessExit</c> handlers and <c>using</c>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override string ToString() =>
        $"{(IsThrowaway ? "throwaway" : "persistent")} PostgreSQL {Binaries.Version} cluster in {Directory}"
        + (_port is { } port ? $" on 127.0.0.1:{port}" : string.Empty);

    /// <summary>
    /// Runs <paramref name="action"/> holding this instance's gate and the cluster's lock file, which other
    /// processes (and other instances for the same directory) take too.
    /// </summary>
    private async Task<T> WithLockAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var clusterLock = await ClusterLock.AcquireAsync(_layout, ClusterLock.DefaultWait, cancellationToken).ConfigureAwait(false);

            // Whoever held the lock before may have created the cluster since this instance read its files.
            _port = ClusterSettings.ReadPort(_layout) ?? _port;
            _password = IsThrowaway ? null : SuperuserPassword.Read(_layout) ?? _password;
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes this process's idle pooled connections to the maintenance database: the server that opened them is gone.</summary>
    private void ClearMaintenancePool()
    {
        if (_port is not null)
        {
            using var pooled = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    /// <summary>Creates, starts or attaches to the server, then makes sure a persistent one asks for its password; the caller holds the lock.</summary>
    private async Task StartLockedAsync(CancellationToken cancellationToken)
    {
        if (!_layout.IsInitialized)
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
        }

        var status = await _pgCtl.StatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.State == LocalPostgresState.Running && _port is null)
        {
            throw new LocalPostgresException(
                $"A PostgreSQL server not set up by Cmms.Data.LocalPostgres runs on '{DataDirectory}' (no {ClusterSettings.FileName}): stop it first.");
        }

        // A cluster an older version set up lacks settings added since (the preloaded pg_stat_statements): write them,
        // keeping its port. They take effect at the server's next start; a running server is never restarted here,
        // since other sessions may be using it (stop it with StopAsync, and the next start loads them).
        if (_port is { } known && !new ClusterSettings(known, SocketDirectory, IsThrowaway, _preloadLibraries).IsWrittenIn(_layout))
        {
            WriteSettings(known);
        }

        if (status.State != LocalPostgresState.Running)
        {
            if (_port is null)
            {
                // A stopped data directory created by someone else: adopt it with a port of our own.
                WriteSettings(LoopbackPort.FindFree());
            }

            await _layout.EnsureSocketDirectoryAsync(_user, cancellationToken).ConfigureAwait(false);
            await _pgCtl.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!IsThrowaway)
        {
            await RequirePasswordAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Moves a cluster an older version created with trust authentication to a password (it runs by now), and
    /// loads the password; a cluster that asks for a password nobody has left is one clear error.
    /// </summary>
    private async Task RequirePasswordAsync(CancellationToken cancellationToken)
    {
        if (TrustUpgrade.AllowsTrust(_layout))
        {
            _password = await TrustUpgrade.UpgradeAsync(_layout, BuildConnectionString(MaintenanceDatabase, password: null), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        _password = SuperuserPassword.Read(_layout) ?? throw new LocalPostgresException(
            $"The cluster in '{Directory}' asks for a password but its password file '{_layout.PasswordFile}' is missing or unreadable: "
            + "restore that file, or delete the directory to start over (its data is lost).");
    }

    private string BuildConnectionString(string database, string? password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = database,
        }.ConnectionString;
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Directory.Exists(DataDirectory) && System.IO.Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new LocalPostgresException(
                $"'{DataDirectory}' is not empty but holds no PostgreSQL cluster (no PG_VERSION): remove it and try again.");
        }

        if (!IsThrowaway)
        {
            // Written before initdb, which reads it (--pwfile) as the server user once the directory is theirs.
            _password = SuperuserPassword.Generate();
            SuperuserPassword.Write(_layout, _password);
        }

        await _user.TakeOwnershipAsync(Directory, cancellationToken).ConfigureAwait(false);
        await _pgCtl.InitDbAsync(PasswordFile, IsThrowaway, cancellationToken).ConfigureAwait(false);
        WriteSettings(LoopbackPort.FindFree());
    }

    private void WriteSettings(int port)
    {
        new ClusterSettings(port, SocketDirectory, IsThrowaway, _preloadLibraries).WriteTo(_layout);
        _port = port;
    }
}
