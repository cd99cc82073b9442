using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>A session of its own that holds the migration lock, as another migrator would, until it is closed or unlocks.</summary>
public static class MigrationLockHolder
{
    /// <summary>
    ///     The key every migrator of a history table named EF Core's default (<c>__EFMigrationsHistory</c>, no schema)
    ///     takes, whatever its context: CmmsDbContext's and the engine tests' contexts alike. Read as migrators compute it.
    /// </summary>
    public static long DefaultHistoryKey
    {
        get
        {
            using var context = CmmsContexts.Create("Host=localhost;Database=unused");
            return ((SafeHistoryRepository)context.GetService<IHistoryRepository>()).LockKey;
        }
    }

    /// <summary>Opens an unpooled session named <paramref name="applicationName" /> and takes the lock in it.</summary>
    public static async Task<NpgsqlConnection> HoldAsync(string connectionString, string applicationName)
    {
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = DefaultHistoryKey } } };
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
