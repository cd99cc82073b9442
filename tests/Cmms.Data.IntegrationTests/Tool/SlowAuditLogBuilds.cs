using System.Diagnostics;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     An audit_logs table large enough that each of AddIndexes' concurrent builds on it lasts seconds, so that a test
///     can catch cmms-db or the efbundle mid-build and kill it or take its server away.
/// </summary>
internal static class SlowAuditLogBuilds
{
    /// <summary>Enough rows, sorted in 1 MB of maintenance_work_mem, for each of audit_logs' concurrent builds to last seconds.</summary>
    public const int SecondsPerBuild = 1_000_000;

    private const string AuditLogBuildsSql = """
        SELECT count(*) FROM pg_stat_progress_create_index
        WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND relid = 'audit_logs'::regclass AND phase LIKE 'building index%'
        """;

    /// <summary>
    ///     Fills audit_logs (a database at InitialSchema) with <paramref name="rows" /> rows and makes the database's index
    ///     builds slow; returns how long loading took.
    /// </summary>
    public static async Task<TimeSpan> PrepareAsync(string connectionString, int rows = SecondsPerBuild)
    {
        var elapsed = Stopwatch.StartNew();
        var random = new Random(42);
        string[] entityTypes = ["order", "worksheet", "machine", "invitation", "user", "experiment"];
        string[] actions = ["insert", "update", "delete"];
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var import = await connection.BeginBinaryImportAsync(
                         "COPY audit_logs (entity_type, entity_id, action, occurred_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var row = 0; row < rows; row++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(entityTypes[random.Next(entityTypes.Length)], NpgsqlDbType.Varchar);
                await import.WriteAsync(random.NextInt64(1, 10_000_000).ToString("x8", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await import.WriteAsync(actions[random.Next(actions.Length)], NpgsqlDbType.Varchar);
                await import.WriteAsync(start.AddSeconds(random.Next(0, 365 * 24 * 3600)), NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE audit_logs", connection);
        await analyze.ExecuteNonQueryAsync();
        await Sql.ExecuteAsync(
            connectionString,
            $"ALTER DATABASE \"{connection.Database}\" SET maintenance_work_mem = '1MB'; ALTER DATABASE \"{connection.Database}\" SET max_parallel_maintenance_workers = 0");
        return elapsed.Elapsed;
    }

    /// <summary>Waits until <paramref name="migrator" /> is building an audit_logs index; fails if it ends first.</summary>
    public static async Task WaitForBuildAsync(string connectionString, CmmsDbProcess migrator)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await Sql.ScalarAsync<long>(connectionString, AuditLogBuildsSql) == 0)
        {
            if (migrator.HasExited)
            {
                var ended = await migrator.WaitAsync(TimeSpan.FromSeconds(1));
                Assert.Fail($"The migrator ended (exit code {ended.ExitCode}) before an audit_logs index build was seen; output: {ended.Output}{ended.Error}");
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "an audit_logs index build should have started by now");
            await Task.Delay(20);
        }
    }
}
