using Cmms.Data.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Cmms.Data.IntegrationTests.Tool;

[Collection(ProcessTests.Name)]
public sealed class KilledMigrationTests(PostgresDatabaseFixture<KilledMigrationTests> db, ITestOutputHelper output)
    : IClassFixture<PostgresDatabaseFixture<KilledMigrationTests>>
{
    [Fact]
    public async Task Migrate_killed_during_a_concurrent_index_build_completes_when_started_again()
    {
        await using var scratch = await AtInitialSchemaWithAuditLogsAsync("killed migration");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);

        using (var migrator = CmmsDbProcess.Start("migrate", "--connection", connection))
        {
            await SlowAuditLogBuilds.WaitForBuildAsync(scratch.ConnectionString, migrator);
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
            await SlowAuditLogBuilds.WaitForBuildAsync(scratch.ConnectionString, bundle);
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

    // A database at InitialSchema whose audit_logs is large and whose index builds are slow, so a kill can land during
    // an AddIndexes build.
    private async Task<TestDatabase> AtInitialSchemaWithAuditLogsAsync(string purpose)
    {
        var scratch = await db.CreateScratchDatabaseAsync(purpose);
        try
        {
            (await CmmsDbRun.InProcessAsync("migrate", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString), "--to", "InitialSchema")).ShouldSucceed();
            var loaded = await SlowAuditLogBuilds.PrepareAsync(scratch.ConnectionString);
            output.WriteLine($"loaded audit_logs in {loaded}");
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
}
