using System.Diagnostics;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     A rewrite step that cannot get its lock gives up after the configured lock_timeout instead of queueing every
///     query of the table behind it, records nothing, and completes when rerun after the blocking transaction ends.
/// </summary>
public sealed class RewriteLockTimeoutTests(PostgresDatabaseFixture<RewriteLockTimeoutTests> db)
    : IClassFixture<PostgresDatabaseFixture<RewriteLockTimeoutTests>>
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Check_constraint_blocked_by_an_open_transaction_gives_up_after_the_lock_timeout_and_completes_on_rerun()
    {
        await BusyTables.CreateAsync(db.ConnectionString, CheckScenario.Table, 1_000);

        await using (var blocker = await db.OpenConnectionAsync())
        {
            // An open transaction that wrote a row holds ROW EXCLUSIVE until it ends; ADD CONSTRAINT … CHECK needs ACCESS EXCLUSIVE.
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var write = new NpgsqlCommand($"UPDATE {CheckScenario.Table} SET value = value WHERE id = 1", blocker, transaction))
            {
                await write.ExecuteNonQueryAsync();
            }

            var clock = Stopwatch.StartNew();
            var migrate = () => RewriteContext<CheckScenario>.MigrateAsync(db.ConnectionString, LockTimeout);
            // The engine retries a lock timeout a bounded number of times, then fails with one line that says so.
            (await migrate.Should().ThrowAsync<SafeMigrationException>())
                .Which.Message.Should().Contain("could not get a lock within 300ms (lock_timeout)");
            // The blocking transaction never ends here: without lock_timeout the step would wait for ever; with it, each of the
            // bounded attempts (1 s, 2 s, 4 s apart) gives up after 300 ms.
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the step gave up after lock_timeout rather than waiting for the transaction");

            (await RewriteContext<CheckScenario>.AppliedAsync(db.ConnectionString)).Should().BeEmpty();
            (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "ck_busy_check_value")).Should().BeNull();
        }

        await RewriteContext<CheckScenario>.MigrateAsync(db.ConnectionString, LockTimeout);

        (await BusyTables.ConstraintValidatedAsync(db.ConnectionString, "ck_busy_check_value")).Should().BeTrue();
        (await RewriteContext<CheckScenario>.AppliedAsync(db.ConnectionString)).Should().Equal(CheckScenario.MigrationId);
    }
}
