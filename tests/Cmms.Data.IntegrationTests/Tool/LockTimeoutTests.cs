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

            var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--lock-timeout", "1s", "--retries", "2");

            var blockerText = $"a lock held by pid {blocker.ProcessID} (application '";
            run.ShouldFailWithMessage(1).Should()
                .StartWith($"AddIndexes could not get a lock within 1s (lock_timeout) in 3 attempt(s) on database '{scratch.Name}': blocked by {blockerText}")
                .And.Contain(", idle in transaction, transaction open ")
                .And.EndWith(
                    "Every statement either completed or had no effect and AddIndexes is not recorded as applied: end those sessions or wait "
                    + "for them, then run the migration again (it resumes), or allow a longer lock timeout or more retries.");
            var retries = run.ErrorLines.Where(l => l.Contains("(lock_timeout) for ", StringComparison.Ordinal)).ToList();
            retries.Should().SatisfyRespectively(
                l => l.Should().StartWith($"AddIndexes: a statement waited 1s (lock_timeout) for {blockerText}").And.EndWith("; retry 1 of 2 in 1s."),
                l => l.Should().StartWith($"AddIndexes: a statement waited 1s (lock_timeout) for {blockerText}").And.EndWith("; retry 2 of 2 in 2s."));
            run.ErrorLines.Count(l => l == $"Applying {ToolDatabase.AddIndexes}").Should().Be(1, "a retried migration is announced once");
            (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.InitialSchema);
        }

        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();

        var rerun = (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--json")).ShouldSucceed();

        rerun.Json.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).Should().Equal(ToolDatabase.AddIndexes, ToolDatabase.RenameUnusedIndex);
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }
}
