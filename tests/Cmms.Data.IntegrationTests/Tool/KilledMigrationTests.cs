using System.Diagnostics;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace Cmms.Data.IntegrationTests.Tool;

[Collection(ProcessTests.Name)]
public sealed class KilledMigrationTests(PostgresDatabaseFixture<KilledMigrationTests> db, ITestOutputHelper output)
    : IClassFixture<PostgresDatabaseFixture<KilledMigrationTests>>
{
    // Enough rows, sorted in 1 MB of maintenance_work_mem, for each of audit_logs' concurrent builds to last seconds.
    private const int AuditRows = 1_000_000;

    private const string AuditLogBuildsSql = """
        SELECT count(*) FROM pg_stat_progress_create_index
        WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND relid = 'audit_logs'::regclass AND phase LIKE 'building index%'
        """;

    [Fact]
    public async Task Migrate_killed_during_a_concurrent_index_build_completes_when_started_again()
    {
        await using var scratch = await AtInitialSchemaWithAuditLogsAsync("killed migration");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);

        using (var migrator = CmmsDbProcess.Start("migrate", "--connection", connection))
        {
            await WaitForAuditLogBuildAsync(scratch.ConnectionString, migrator);
            var killed = migrator.Kill();
            output.WriteLine($"killed after {killed.Elapsed}; its stderr:{Environment.NewLine}{killed.Error}");
        }

        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal([ToolDatabase.InitialSchema], "the history row of AddIndexes is written last");
        output.WriteLine($"invalid indexes right after the kill: {string.Join(", ", await Sql.InvalidIndexesAsync(scratch.ConnectionString))}");

        using var again = CmmsDbProcess.Start("migrate", "--connection", connection);
        var rerun = await again.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"rerun took {rerun.Elapsed}; its stderr:{Environment.NewLine}{rerun.Error}");

        rerun.ShouldSucceed().Output.Should().StartWith($"Database '{scratch.Name}': applied {ToolDatabase.AddIndexes}, {ToolDatabase.RenameUnusedIndex}; now at {ToolDatabase.Head}.");
        await ShouldBeFullyMigratedAsync(scratch.ConnectionString);
    }

    [Fact]
    public async Task Efbundle_killed_during_AddIndexes_completes_when_started_again()
    {
        var efbundle = await Efbundle.PathAsync();
        await using var scratch = await AtInitialSchemaWithAuditLogsAsync("killed efbundle");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);

        using (var bundle = CmmsDbProcess.StartEfbundle(efbundle, connection))
        {
            await WaitForAuditLogBuildAsync(scratch.ConnectionString, bundle);
            var killed = bundle.Kill();
            output.WriteLine($"killed after {killed.Elapsed}; its output:{Environment.NewLine}{killed.Output}");
        }

        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal([ToolDatabase.InitialSchema], "the history row of AddIndexes is written last");

        using var again = CmmsDbProcess.StartEfbundle(efbundle, connection);
        var rerun = await again.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"rerun took {rerun.Elapsed}; its output:{Environment.NewLine}{rerun.Output}");

        rerun.ExitCode.Should().Be(0, rerun.Output + rerun.Error);
        await ShouldBeFullyMigratedAsync(scratch.ConnectionString);
    }

    // A database at InitialSchema whose audit_logs is large and whose index builds are slow (1 MB of maintenance
    // memory, no parallel workers), so a kill can land during an AddIndexes build.
    private async Task<TestDatabase> AtInitialSchemaWithAuditLogsAsync(string purpose)
    {
        var scratch = await db.CreateScratchDatabaseAsync(purpose);
        try
        {
            (await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString), "--to", "InitialSchema")).ShouldSucceed();
            await LoadAuditLogsAsync(scratch.ConnectionString);
            await Sql.ExecuteAsync(
                scratch.ConnectionString,
                $"ALTER DATABASE \"{scratch.Name}\" SET maintenance_work_mem = '1MB'; ALTER DATABASE \"{scratch.Name}\" SET max_parallel_maintenance_workers = 0");
            return scratch;
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
    }

    // The whole history, no INVALID index left, and AddIndexes' audit_logs indexes built.
    private static async Task ShouldBeFullyMigratedAsync(string connectionString)
    {
        (await ToolDatabase.HistoryAsync(connectionString)).Should().Equal(ToolDatabase.All);
        (await Sql.InvalidIndexesAsync(connectionString)).Should().BeEmpty();
        (await Sql.ListAsync<string>(connectionString, "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_logs' ORDER BY 1"))
            .Should().Contain(["ix_audit_logs_changes", "ix_audit_logs_entity_type_entity_id_occurred_at", "ix_audit_logs_occurred_at"]);
    }

    private async Task LoadAuditLogsAsync(string connectionString)
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
            for (var row = 0; row < AuditRows; row++)
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
        output.WriteLine($"loaded {AuditRows:N0} audit_logs rows in {elapsed.Elapsed}");
    }

    private static async Task WaitForAuditLogBuildAsync(string connectionString, CmmsDbProcess migrator)
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
