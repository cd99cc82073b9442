using System.Text;
using Cmms.Data.Conventions.Internal;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Npgsql's history repository whose database lock (EF Core 9+ <see cref="IHistoryRepository.AcquireDatabaseLockAsync" />)
///     is a <see cref="MigrationSessionLock" />, held until the whole run is over: EF Core's migrator takes it once per
///     attempt, the safe migrator once around all attempts, and only the last release closes the lock's session. While
///     the run goes on, the <see cref="MigrationLockGuard" /> checks the lock's session (<see cref="CheckAsync" />).
/// </summary>
#pragma warning disable EF1001 // NpgsqlHistoryRepository is Npgsql's internal API; it is the provider's history repository to extend.
internal sealed class SafeHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies), IDisposable
#pragma warning restore EF1001
{
    // "cmms" in ASCII; the low half names the history table, so applications sharing a database take turns only with
    // migrators of the same history.
    private const long KeyPrefix = 0x636D_6D73L << 32;

    private readonly SafeMigrationsLogger _logger = new(dependencies.MigrationsLogger, dependencies.Options);

    private readonly TimeSpan _lockWait =
        dependencies.Options.FindExtension<CmmsConventionsOptionsExtension>()?.LockWait ?? SafeMigrationsDefaults.LockWait;

    // EF Core's migrator (on its thread) and the MigrationLockGuard (on its own) check and take the lock in turns.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MigrationSessionLock? _held;
    private int _leases;

    /// <summary>Released by disposing the lock, never by a transaction or connection of the migrator ending.</summary>
    public override LockReleaseBehavior LockReleaseBehavior => LockReleaseBehavior.Explicit;

    /// <summary>The advisory lock key of this history table.</summary>
    public long LockKey => KeyPrefix | StableHash($"{TableSchema}.{TableName}");

    /// <summary>The history table for messages: <c>public.__EFMigrationsHistory</c>.</summary>
    public string DisplayTableName => TableSchema is null ? TableName : $"{TableSchema}.{TableName}";

    /// <summary>The no-op check for this history table and the given migrations.</summary>
    public MigrationsUpToDateCheck UpToDateCheck(IEnumerable<string> migrationIds) => new(migrationIds, TableName, TableSchema);

    // dotnet ef database update and efbundle migrate synchronously; the lock's wait loop is written once, asynchronously.
    public override IMigrationsDatabaseLock AcquireDatabaseLock() => AcquireDatabaseLockAsync().GetAwaiter().GetResult();

    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DropIfDeadAsync(cancellationToken).ConfigureAwait(false);
            _held ??= await MigrationSessionLock.AcquireAsync(Template, LockKey, _lockWait, _logger, cancellationToken).ConfigureAwait(false);
            _leases++;
            return new Lease(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    ///     While the run holds the lock: whether its session is still there, and if it is not, takes the lock again at once
    ///     on a new session when no other session holds it (<see cref="MigrationLockCheck.TakenAgain" />).
    /// </summary>
    public async Task<MigrationLockCheck> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_leases == 0)
            {
                return MigrationLockCheck.NotTaken;
            }

            if (_held is not null)
            {
                if (await _held.IsHeldAsync(cancellationToken).ConfigureAwait(false))
                {
                    return MigrationLockCheck.Held;
                }

                await _held.DisposeAsync().ConfigureAwait(false);
                _held = null;
            }

            _held = await MigrationSessionLock.TryAcquireAsync(Template, LockKey, cancellationToken).ConfigureAwait(false);
            return _held is null ? MigrationLockCheck.HeldByAnother : MigrationLockCheck.TakenAgain;
        }
        catch (NpgsqlException)
        {
            // A restart or failover ends the migration's own sessions too: its retry takes the lock again, or this does later.
            return MigrationLockCheck.Unreachable;
        }
        finally
        {
            _gate.Release();
        }
    }

    private NpgsqlConnection Template => (NpgsqlConnection)Dependencies.Connection.DbConnection;

    // The lock's session died (server restart, failover, a terminated backend): the server released the lock.
    private async Task DropIfDeadAsync(CancellationToken cancellationToken)
    {
        if (_held is not null && !await _held.IsHeldAsync(cancellationToken).ConfigureAwait(false))
        {
            await _held.DisposeAsync().ConfigureAwait(false);
            _held = null;
        }
    }

    private void Release()
    {
        _gate.Wait();
        try
        {
            if (--_leases == 0)
            {
                _held?.Dispose();
                _held = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Disposed with the context's services: a lock still held then (a run abandoned mid-way) ends with its session.</summary>
    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
        _gate.Dispose();
    }

    // FNV-1a: string.GetHashCode differs between processes, and every migrator must compute the same key.
    private static long StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private sealed class Lease(SafeHistoryRepository repository) : IMigrationsDatabaseLock
    {
        private bool _released;

        IHistoryRepository IMigrationsDatabaseLock.HistoryRepository => repository;

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                repository.Release();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
