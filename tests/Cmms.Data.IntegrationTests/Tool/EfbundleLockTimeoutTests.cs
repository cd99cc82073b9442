using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Tool;

[Collection(ProcessTests.Name)]
public sealed class EfbundleLockTimeoutTests(PostgresDatabaseFixture<EfbundleLockTimeoutTests> db)
    : IClassFixture<PostgresDatabaseFixture<EfbundleLockTimeoutTests>>
{
    [Fact]
    public async Task Efbundle_behind_an_access_exclusive_lock_released_within_the_retry_policy_retries_then_applies_every_migration()
    {
        var efbundle = await Efbundle.PathAsync();
        await using var scratch = await db.CreateScratchDatabaseAsync("efbundle released");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema")).ShouldSucceed();
        await using var blocker = await scratch.OpenConnectionAsync();
        var transaction = await BlockOrdersAsync(blocker);

        using var bundle = CmmsDbProcess.StartEfbundle(efbundle, connection);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!bundle.OutputSoFar.Contains("AddIndexes: a statement waited 5s (lock_timeout)", StringComparison.Ordinal))
        {
            bundle.HasExited.Should().BeFalse($"the bundle should still be retrying; its output: {bundle.OutputSoFar}");
            DateTime.UtcNow.Should().BeBefore(deadline, "the blocked statement should have hit its 5s lock_timeout by now");
            await Task.Delay(50);
        }

        await transaction.CommitAsync();
        var run = await bundle.WaitAsync(TimeSpan.FromMinutes(3));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        (run.Output + run.Error).Should().Contain($"AddIndexes: a statement waited 5s (lock_timeout) for a lock held by pid {blocker.ProcessID} (application '")
            .And.Contain("; retry 1 of 3 in 1s.")
            .And.NotContain("could not get a lock");
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.All);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }

    [Fact]
    public async Task Efbundle_behind_an_access_exclusive_lock_that_is_never_released_retries_then_fails_with_one_line_and_records_nothing()
    {
        var efbundle = await Efbundle.PathAsync();
        await using var scratch = await db.CreateScratchDatabaseAsync("efbundle blocked");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema")).ShouldSucceed();
        await using var blocker = await scratch.OpenConnectionAsync();
        await using var transaction = await BlockOrdersAsync(blocker);

        // The bundle runs with the engine's defaults: a 5s lock_timeout and 3 retries (after 1s, 2s, 4s).
        using var bundle = CmmsDbProcess.StartEfbundle(efbundle, connection);
        var run = await bundle.WaitAsync(TimeSpan.FromMinutes(2));

        run.ExitCode.Should().NotBe(0);
        var lines = (run.Output + run.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().NotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "the failure is one line, not a stack trace");
        lines.Should().ContainSingle(l => l.StartsWith("AddIndexes could not get a lock", StringComparison.Ordinal)).Which.Should()
            .StartWith($"AddIndexes could not get a lock within 5s (lock_timeout) in 4 attempt(s) on database '{scratch.Name}': "
                + $"blocked by a lock held by pid {blocker.ProcessID} (application '")
            .And.EndWith("then run the migration again (it resumes), or allow a longer lock timeout or more retries.");
        lines.Count(l => l.StartsWith("AddIndexes: a statement waited 5s (lock_timeout)", StringComparison.Ordinal)).Should().Be(3);
        (await ToolDatabase.HistoryAsync(scratch.ConnectionString)).Should().Equal(ToolDatabase.InitialSchema);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
    }

    // A transaction holding ACCESS EXCLUSIVE on orders, which AddIndexes builds indexes on, until it ends.
    private static async Task<NpgsqlTransaction> BlockOrdersAsync(NpgsqlConnection blocker)
    {
        var transaction = await blocker.BeginTransactionAsync();
        await using var lockTable = new NpgsqlCommand("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", blocker, transaction);
        await lockTable.ExecuteNonQueryAsync();
        return transaction;
    }
}
