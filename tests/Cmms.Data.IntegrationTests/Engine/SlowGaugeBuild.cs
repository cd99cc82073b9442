using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     A gauges table large enough that <see cref="GaugeMigrations.ReplaceZoneIndex" />'s concurrent (zone, site) build
///     lasts seconds, so that a test can catch it mid-build and break its connection, its lock or its server.
/// </summary>
internal static class SlowGaugeBuild
{
    // Enough rows, sorted in 1 MB of maintenance_work_mem, for the (zone, site) build to last long enough to be caught.
    private const int GaugeRows = 1_000_000;

    private const string BuildSql = """
        SELECT pid FROM pg_stat_progress_create_index
        WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND relid = 'gauges'::regclass AND phase LIKE 'building index%'
        LIMIT 1
        """;

    /// <summary>Migrates <paramref name="connectionString" />'s database to CreateGauges, fills the table and makes index builds slow.</summary>
    public static async Task PrepareAsync(string connectionString)
    {
        await using (var first = GaugeContext.Create(connectionString))
        {
            await first.Database.MigrateAsync(GaugeMigrations.CreateGauges);
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Loading takes longer than Npgsql's 30 s default command timeout on a busy machine.
        await using var load = new NpgsqlCommand(
            $"""
            INSERT INTO gauges ("Zone", "Site") SELECT g % 1000, md5(g::text) FROM generate_series(1, {GaugeRows}) g;
            ANALYZE gauges;
            ALTER DATABASE "{database}" SET maintenance_work_mem = '1MB';
            ALTER DATABASE "{database}" SET max_parallel_maintenance_workers = 0
            """,
            connection) { CommandTimeout = 0 };
        await load.ExecuteNonQueryAsync();

        // The settings apply to new sessions: the pooled ones the first migration left behind would build in memory, fast.
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>Waits until <paramref name="migrate" /> is building ix_gauges_zone_site and returns the build's backend pid.</summary>
    public static async Task<int> WaitForBuildAsync(string connectionString, Task migrate)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            migrate.IsCompleted.Should().BeFalse($"the migration should still be building ix_gauges_zone_site ({migrate.Exception?.GetBaseException().Message ?? "it completed"})");
            if (await Sql.ListAsync<int>(connectionString, BuildSql) is [var pid])
            {
                return pid;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the (zone, site) build should have started by now");
            await Task.Delay(20);
        }
    }

    /// <summary>Both migrations recorded once, the (zone, site) index in place of the zone index, nothing INVALID, no lock left.</summary>
    public static async Task ShouldBeCompleteAsync(string connectionString)
    {
        (await Sql.ListAsync<string>(connectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"))
            .Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await Sql.InvalidIndexesAsync(connectionString)).Should().BeEmpty("a retry or rerun drops an interrupted build's INVALID index and builds it again");
        (await Sql.ListAsync<string>(connectionString, "SELECT indexname FROM pg_indexes WHERE tablename = 'gauges' ORDER BY 1"))
            .Should().Equal("PK_gauges", "ix_gauges_zone_site");
        (await Sql.AdvisoryLocksAsync(connectionString)).Should().Be(0);
    }
}
