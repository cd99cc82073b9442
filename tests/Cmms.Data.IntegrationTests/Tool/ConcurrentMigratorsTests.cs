using Cmms.Data.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Cmms.Data.IntegrationTests.Tool;

[Collection(ProcessTests.Name)]
public sealed class ConcurrentMigratorsTests(PostgresDatabaseFixture<ConcurrentMigratorsTests> db, ITestOutputHelper output)
    : IClassFixture<PostgresDatabaseFixture<ConcurrentMigratorsTests>>
{
    private const int Migrators = 8;

    [Fact]
    public async Task Eight_migrators_started_at_once_on_an_empty_database_all_succeed_and_apply_each_migration_once()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("eight migrators");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);

        var processes = Enumerable.Range(0, Migrators).Select(_ => CmmsDbProcess.Start("migrate", "--connection", connection)).ToList();
        CmmsDbRun[] runs;
        try
        {
            runs = await Task.WhenAll(processes.Select(p => p.WaitAsync(TimeSpan.FromMinutes(4))));
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }

        output.WriteLine($"slowest migrator: {runs.Max(r => r.Elapsed)}");
        runs.Should().AllSatisfy(run => run.ShouldSucceed());
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All);
        runs.Count(r => r.Output.StartsWith($"Database '{scratch.Name}': applied {string.Join(", ", ToolDatabase.All)}", StringComparison.Ordinal))
            .Should().Be(1, "one migrator applies everything while the others wait for its lock");
        runs.Count(r => r.Output.StartsWith($"Database '{scratch.Name}' is already up to date at {ToolDatabase.Head}.", StringComparison.Ordinal))
            .Should().Be(Migrators - 1);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }

    [Fact]
    public async Task MigrateAsync_efbundles_and_cmms_db_started_at_once_on_an_empty_database_all_succeed_and_apply_each_migration_once()
    {
        var efbundle = await Efbundle.PathAsync();
        await using var scratch = await db.CreateScratchDatabaseAsync("mixed migrators");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);

        var processes = Enumerable.Range(0, 8).Select(_ => CmmsDbProcess.StartEfbundle(efbundle, connection))
            .Concat(Enumerable.Range(0, 4).Select(_ => CmmsDbProcess.Start("migrate", "--connection", connection)))
            .ToList();
        var inProcess = Enumerable.Range(0, 8).Select(_ => Task.Run(() => Migrations.CmmsContexts.MigrateAsync(connection))).ToList();
        CmmsDbRun[] runs;
        try
        {
            await Task.WhenAll(inProcess);
            runs = await Task.WhenAll(processes.Select(p => p.WaitAsync(TimeSpan.FromMinutes(6))));
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }

        output.WriteLine($"slowest process: {runs.Max(r => r.Elapsed)}");
        runs.Should().AllSatisfy(run => run.ExitCode.Should().Be(0, run.Output + run.Error));
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All, "each migration is in the history exactly once");
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
        await using var context = Migrations.CmmsContexts.Create(scratch.ConnectionString);
        (await Migrations.CatalogIndexes.ReadAsync(scratch.ConnectionString)).Select(i => i.Shape.Name)
            .Should().Contain(["ix_orders_user_id_status_created_at", "ix_phone_verifications_user_id_unused", "ix_audit_logs_changes"]);
    }
}
