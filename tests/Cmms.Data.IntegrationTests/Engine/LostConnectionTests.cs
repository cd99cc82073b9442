using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     A migration whose server session ends in the middle of a concurrent index build (<c>pg_terminate_backend</c>, what a
///     fast shutdown or a failover does to every session: SQLSTATE 57P01) reconnects and resumes within the retry policy.
/// </summary>
public sealed class LostConnectionTests(PostgresDatabaseFixture<LostConnectionTests> db)
    : IClassFixture<PostgresDatabaseFixture<LostConnectionTests>>
{
    // Enough rows, sorted in 1 MB of maintenance_work_mem, for the (zone, site) build to last long enough to be caught.
    private const int GaugeRows = 1_000_000;

    private const string GaugeBuildSql = """
        SELECT pid FROM pg_stat_progress_create_index
        WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND relid = 'gauges'::regclass AND phase LIKE 'building index%'
        LIMIT 1
        """;

    [Fact]
    public async Task MigrateAsync_whose_index_build_session_is_terminated_reconnects_and_resumes_with_a_valid_index_and_a_correct_history()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges terminated");
        await using (var first = GaugeContext.Create(scratch.ConnectionString))
        {
            await first.Database.MigrateAsync(GaugeMigrations.CreateGauges);
        }

        await using (var connection = await scratch.OpenConnectionAsync())
        {
            // Loading takes longer than Npgsql's 30 s default command timeout on a busy machine.
            await using var load = new NpgsqlCommand(
                $"INSERT INTO gauges (\"Zone\", \"Site\") SELECT g % 1000, md5(g::text) FROM generate_series(1, {GaugeRows}) g; ANALYZE gauges",
                connection) { CommandTimeout = 0 };
            await load.ExecuteNonQueryAsync();
        }

        await Sql.ExecuteAsync(
            scratch.ConnectionString,
            $"ALTER DATABASE \"{scratch.Name}\" SET maintenance_work_mem = '1MB'; ALTER DATABASE \"{scratch.Name}\" SET max_parallel_maintenance_workers = 0");

        var progress = new ProgressLog();
        await using var context = GaugeContext.Create(scratch.ConnectionString, safe => safe.ReportProgressTo(progress));
        var migrate = context.Database.MigrateAsync();
        var building = await WaitForBuildAsync(scratch.ConnectionString, migrate);
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT pg_terminate_backend($1)", building)).Should().BeTrue();
        await migrate;

        progress.Reports.Where(r => r.Kind == MigrationProgressKind.Retrying).Select(r => r.Message).Should().ContainSingle().Which.Should().Be(
            "ReplaceZoneIndex: the connection to the server was lost (57P01: terminating connection due to administrator command); retry 1 of 3 in 1s.");
        (await Sql.ListAsync<string>(scratch.ConnectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"))
            .Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty("the retry dropped the terminated build's INVALID index and built it again");
        (await Sql.ListAsync<string>(scratch.ConnectionString, "SELECT indexname FROM pg_indexes WHERE tablename = 'gauges' ORDER BY 1"))
            .Should().Equal("PK_gauges", "ix_gauges_zone_site");
        (await Sql.AdvisoryLocksAsync(scratch.ConnectionString)).Should().Be(0);
    }

    private static async Task<int> WaitForBuildAsync(string connectionString, Task migrate)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            migrate.IsCompleted.Should().BeFalse("the migration should still be building ix_gauges_zone_site");
            if (await Sql.ListAsync<int>(connectionString, GaugeBuildSql) is [var pid])
            {
                return pid;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the (zone, site) build should have started by now");
            await Task.Delay(20);
        }
    }
}
