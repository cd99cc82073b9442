using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     A unique constraint's concurrent build that fails after the duplicate check passed: the failing run itself drops
///     the INVALID index the build left (before its error), so nothing is half-built even before a rerun.
/// </summary>
/// <remarks>
///     The race is made deterministic with <see cref="BeforeCommand" />: the other session writes right before the
///     migrator sends <c>CREATE UNIQUE INDEX CONCURRENTLY</c>, that is after the duplicate check has run and committed,
///     which is the window a writer hits by chance in production. (Holding the build with a lock instead would fail it
///     on lock_timeout, the second test's case, not on the data.)
/// </remarks>
public sealed class UniqueBuildFailureTests(PostgresDatabaseFixture<UniqueBuildFailureTests> db)
    : IClassFixture<PostgresDatabaseFixture<UniqueBuildFailureTests>>
{
    private const int Rows = 1_000;
    private const string Name = "ak_busy_unique_serial";
    private const string Build = "CREATE UNIQUE INDEX CONCURRENTLY";
    private const string Cleanup = "DROP INDEX CONCURRENTLY IF EXISTS";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Duplicate_written_after_the_check_fails_the_build_with_the_one_line_and_leaves_no_index()
    {
        await BusyTables.CreateAsync(db.ConnectionString, UniqueScenario.Table, Rows);
        IReadOnlyList<bool>? beforeCleanup = null;
        var hook = new BeforeCommand(async sql =>
        {
            if (sql.StartsWith(Build, StringComparison.Ordinal))
            {
                // Committed by another session: the build's scan sees it, the check before it did not.
                await Sql.ExecuteAsync(db.ConnectionString, $"INSERT INTO {UniqueScenario.Table} (value, serial) VALUES (0, 's1')");
            }
            else if (sql.StartsWith(Cleanup, StringComparison.Ordinal))
            {
                beforeCleanup = await IndexValidityAsync();
            }
        });

        var migrate = () => MigrateAsync(hook);
        var failure = (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which;

        failure.Message.Should().StartWith($"The unique constraint {Name} on table {UniqueScenario.Table} cannot be built: some rows share the same (serial). No index was built.")
            .And.NotContain("\n");
        failure.InnerException.Should().BeOfType<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        var offendingRows = RewriteDataFailureTests.OffendingRowsQuery(failure.Message);
        (await Sql.ListAsync<object>(db.ConnectionString, offendingRows)).Should().HaveCount(1, "one serial is there twice");
        hook.Sent.Should().ContainSingle(s => s.StartsWith(Build, StringComparison.Ordinal), "the duplicate check passed and the build ran");
        beforeCleanup.Should().Equal([false], "the failed build left its INVALID index, which the cleanup found");
        await ShouldBeUntouchedAsync();

        await Sql.ExecuteAsync(db.ConnectionString, $"DELETE FROM {UniqueScenario.Table} WHERE id > {Rows}");
        await ShouldCompleteOnRerunAsync();
    }

    [Fact]
    public async Task Build_that_fails_on_lock_timeout_drops_its_invalid_index_before_the_one_line_error()
    {
        await BusyTables.CreateAsync(db.ConnectionString, UniqueScenario.Table, Rows);
        await using var blocker = await db.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        // ROW EXCLUSIVE until the transaction ends: the build enters its INVALID index, then waits for this writer.
        await using (var write = new NpgsqlCommand($"UPDATE {UniqueScenario.Table} SET value = value WHERE id = 1", blocker, transaction))
        {
            await write.ExecuteNonQueryAsync();
        }

        IReadOnlyList<bool>? beforeCleanup = null;
        var hook = new BeforeCommand(async sql =>
        {
            if (sql.StartsWith(Cleanup, StringComparison.Ordinal))
            {
                beforeCleanup = await IndexValidityAsync();
                // The writer finishes before the cleanup runs, so the drop is not blocked by it too.
                await transaction.RollbackAsync();
            }
        });

        var migrate = () => MigrateAsync(hook);

        (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which.Message.Should()
            .Contain("could not get a lock within 500ms (lock_timeout) in 1 attempt(s)");
        beforeCleanup.Should().Equal([false], "the build timed out after entering its INVALID index");
        await ShouldBeUntouchedAsync();

        await ShouldCompleteOnRerunAsync();
    }

    private async Task MigrateAsync(BeforeCommand hook)
    {
        await using var context = RewriteContext<UniqueScenario>.Create(db.ConnectionString, LockTimeout, retries: 0, hook);
        await context.GetService<IMigrator>().MigrateAsync();
    }

    private async Task ShouldBeUntouchedAsync()
    {
        (await IndexValidityAsync()).Should().BeEmpty("the failing run dropped the INVALID index itself");
        (await Sql.InvalidIndexesAsync(db.ConnectionString)).Should().BeEmpty();
        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, Name)).Should().BeNull();
        (await RewriteContext<UniqueScenario>.AppliedAsync(db.ConnectionString)).Should().BeEmpty();
    }

    private async Task ShouldCompleteOnRerunAsync()
    {
        await RewriteContext<UniqueScenario>.MigrateAsync(db.ConnectionString, LockTimeout);

        (await IndexValidityAsync()).Should().Equal(true);
        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, Name)).Should().BeTrue();
        (await RewriteContext<UniqueScenario>.AppliedAsync(db.ConnectionString)).Should().Equal(UniqueScenario.MigrationId);

        // Reverted, so that the other test of the class starts with nothing applied.
        await RewriteContext<UniqueScenario>.MigrateAsync(db.ConnectionString, LockTimeout, "0");
        (await IndexValidityAsync()).Should().BeEmpty();
    }

    private Task<IReadOnlyList<bool>> IndexValidityAsync() => BusyTables.IndexValidityAsync(db.ConnectionString, Name);
}
