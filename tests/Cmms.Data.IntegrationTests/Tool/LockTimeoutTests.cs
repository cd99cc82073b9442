using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class LockTimeoutTests(PostgresDatabaseFixture<LockTimeoutTests> db) : IClassFixture<PostgresDatabaseFixture<LockTimeoutTests>>
{
    [Fact]
    public async Task Lock_timeout_on_a_locked_table_is_retried_then_fails_cleanly_and_a_rerun_after_the_lock_completes()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("lock timeout");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema")).ShouldSucceed();

        // tracks is in the middle of AddIndexes: the statements before it complete, the first one on it times out.
        await using (var blocker = await scratch.OpenConnectionAsync())
        await using (var transaction = await blocker.BeginTransactionAsync())
        {
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE tracks IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--lock-timeout", "200ms", "--retries", "2");

            run.ShouldFailWithMessage(1).Should().Be(
                "AddIndexes could not get a table lock within 200ms (lock_timeout) in 3 attempt(s): another transaction holds a lock on a table "
                + "it changes. Each statement either completed or had no effect and AddIndexes is not recorded as done: run cmms-db migrate again "
                + "when that transaction ends to finish it, or raise --lock-timeout or --retries.");
            run.ErrorLines.Where(l => l.Contains("(lock_timeout) for a table lock", StringComparison.Ordinal)).Should().Equal(
                "AddIndexes waited 200ms (lock_timeout) for a table lock another transaction holds; retry 1 of 2 in 1s",
                "AddIndexes waited 200ms (lock_timeout) for a table lock another transaction holds; retry 2 of 2 in 2s");
            run.ErrorLines.Count(l => l == $"Applying {ToolDatabase.AddIndexes}").Should().Be(3);
            (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.InitialSchema);
        }

        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();

        var rerun = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--json")).ShouldSucceed();

        rerun.Json.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).Should().Equal(ToolDatabase.AddIndexes);
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.InitialSchema, ToolDatabase.AddIndexes);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }
}
