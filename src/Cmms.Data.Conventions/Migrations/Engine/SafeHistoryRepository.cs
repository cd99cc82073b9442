using System.Text;
using Cmms.Data.Conventions.Internal;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Npgsql's history repository whose database lock (EF Core 9+ <see cref="IHistoryRepository.AcquireDatabaseLockAsync" />)
///     is a <see cref="MigrationSessionLock" />, held until the whole run is over: EF Core's migrator takes it once per
///     attempt, the safe migrator once around all attempts, and only the last release closes the lock's session.
/// </summary>
#pragma warning disable EF1001 // NpgsqlHistoryRepository is Npgsql's internal API; it is the provider's history repository to extend.
internal sealed class SafeHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    // "cmms" in ASCII; the low half names the history table, so applications sharing a database take turns only with
    // migrators of the same history.
    private const long KeyPrefix = 0x636D_6D73L << 32;

    private readonly SafeMigrationsLogger _logger = new(dependencies.MigrationsLogger, dependencies.Options);

    private readonly TimeSpan _lockWait =
        dependencies.Options.FindExtension<CmmsConventionsOptionsExtension>()?.LockWait ?? SafeMigrationsDefaults.LockWait;

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
        if (_held is not null && !await _held.IsHeldAsync(cancellationToken).ConfigureAwait(false))
        {
            // The lock's session died (server restart, failover): the server released the lock, so take it again.
            await _held.DisposeAsync().ConfigureAwait(false);
            _held = null;
        }

        _held ??= await MigrationSessionLock.AcquireAsync(
                (NpgsqlConnection)Dependencies.Connection.DbConnection,
                LockKey,
                _lockWait,
                _logger,
                cancellationToken)
            .ConfigureAwait(false);
        _leases++;
        return new Lease(this);
    }

    private void Release()
    {
        if (--_leases == 0)
        {
            _held?.Dispose();
            _held = null;
        }
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
