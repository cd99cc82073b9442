using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     <see cref="GaugeContext" />, a context that is not Cmms.Data's, migrated by <c>dotnet ef database update</c> (this
///     project as the startup project, <see cref="GaugeDesignTimeContextFactory" />): the same lock, retries and
///     create-before-drop ordering as <c>MigrateAsync()</c>.
/// </summary>
[Collection(Tool.ProcessTests.Name)]
public sealed class GaugeDotnetEfTests(PostgresDatabaseFixture<GaugeDotnetEfTests> db)
    : IClassFixture<PostgresDatabaseFixture<GaugeDotnetEfTests>>
{
    private const string WaitingLockOnGaugesSql = """
        SELECT count(*) FROM pg_locks
        WHERE NOT granted AND relation = 'gauges'::regclass AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    [Fact]
    public async Task Two_dotnet_ef_database_updates_at_once_take_turns_and_build_the_new_index_before_dropping_the_old_one()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges dotnet ef");

        var updates = await Task.WhenAll(UpdateAsync(scratch.ConnectionString), UpdateAsync(scratch.ConnectionString));

        updates.Should().AllSatisfy(u => u.ExitCode.Should().Be(0, u.Output));
        var applying = updates.Single(u => u.Output.Contains("Applying migration '20260102000000_ReplaceZoneIndex'", StringComparison.Ordinal)).Output;
        var create = applying.IndexOf("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_gauges_zone_site", StringComparison.Ordinal);
        var drop = applying.IndexOf("DROP INDEX CONCURRENTLY IF EXISTS ix_gauges_zone;", StringComparison.Ordinal);
        create.Should().BePositive();
        drop.Should().BeGreaterThan(create, "the old index stays until its replacement is built");
        applying.Should().NotContain("cannot be executed in a transaction").And.Contain("ReplaceZoneIndex: 3 statement(s) run outside a transaction");
        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await Sql.ListAsync<string>(scratch.ConnectionString, "SELECT indexname FROM pg_indexes WHERE tablename = 'gauges' ORDER BY 1"))
            .Should().Equal("PK_gauges", "ix_gauges_zone_site");
        (await Sql.AdvisoryLocksAsync(scratch.ConnectionString)).Should().Be(0);
    }

    [Fact]
    public async Task Dotnet_ef_database_update_behind_an_access_exclusive_lock_retries_and_succeeds_once_it_is_released()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges dotnet ef blocked");
        var first = await UpdateAsync(scratch.ConnectionString, GaugeMigrations.CreateGauges);
        first.ExitCode.Should().Be(0, first.Output);
        await using var blocker = await scratch.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE gauges IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var update = UpdateAsync(scratch.ConnectionString);
        // The first attempt's statement waits, then gives up at its 5s lock_timeout; release the lock once it has.
        await WaitForAsync(scratch.ConnectionString, update, waiting: true);
        await WaitForAsync(scratch.ConnectionString, update, waiting: false);
        await transaction.CommitAsync();
        var run = await update;

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain($"ReplaceZoneIndex: a statement waited 5s (lock_timeout) for a lock held by pid {blocker.ProcessID} (application '")
            .And.Contain("; retry 1 of 3 in 1s.");
        (await HistoryAsync(scratch.ConnectionString)).Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }

    private static Task<(int ExitCode, string Output)> UpdateAsync(string connectionString, string? target = null)
        => Repository.DotnetAsync(
            Repository.Root,
            new Dictionary<string, string> { [GaugeDesignTimeContextFactory.ConnectionVariable] = connectionString },
            [
                "ef", "database", "update", .. target is null ? Array.Empty<string>() : [target],
                "--project", "tests/Cmms.Data.IntegrationTests", "--context", nameof(GaugeContext),
                "--configuration", Repository.Configuration, "--no-build", "--verbose",
            ]);

    private static async Task WaitForAsync(string connectionString, Task update, bool waiting)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await Sql.ScalarAsync<long>(connectionString, WaitingLockOnGaugesSql) > 0) != waiting)
        {
            update.IsCompleted.Should().BeFalse("dotnet ef database update should still be migrating");
            DateTime.UtcNow.Should().BeBefore(deadline, waiting ? "the update should be waiting for the lock by now" : "its lock_timeout should have passed by now");
            await Task.Delay(50);
        }
    }

    private static Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
        => Sql.ListAsync<string>(connectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");
}
