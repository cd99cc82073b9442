using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     <c>MigrateAsync()</c> of <see cref="GaugeContext" /> through a real PgBouncer on loopback: refused in transaction and
///     statement mode before anything is locked, set or written, whichever order the pool hands out its servers in and
///     however many idle ones it has; applied in session mode, where a lock_timeout names the blocking session by its backend pid.
/// </summary>
public sealed class PooledConnectionTests(PostgresDatabaseFixture<PooledConnectionTests> db)
    : IClassFixture<PostgresDatabaseFixture<PooledConnectionTests>>
{
    // More than the server connections a run and a warmed pool leave behind, fewer than the pool's 20.
    private const int ServerConnectionsSurveyed = 12;

    // Idle server connections left in the pool by earlier clients before the run starts.
    private const int Warmed = 5;

    private const string HandedOver = "another client was handed the server session of the first between its statements";
    private const string Moved = "consecutive statements ran on different server sessions";
    private const string TransactionRefused = "a transaction was refused: ";

    // Which evidence comes first follows from the order PgBouncer hands out idle servers in: most recently used first gives
    // the first client's server to the next client; in turn (server_round_robin = 1) from a pool with several idle servers
    // moves the first client's next statement to another one.
    [Theory]
    [InlineData("transaction", false, 0, HandedOver)]
    [InlineData("transaction", true, 0, HandedOver)]
    [InlineData("transaction", false, Warmed, HandedOver)]
    [InlineData("transaction", true, 2, HandedOver)]
    [InlineData("transaction", true, Warmed, Moved)]
    [InlineData("statement", false, 0, TransactionRefused)]
    [InlineData("statement", true, Warmed, TransactionRefused)]
    public async Task MigrateAsync_through_a_pooler_that_hands_out_transactions_refuses_and_leaves_no_lock_or_setting_behind(
        string poolMode,
        bool serverRoundRobin,
        int warmed,
        string evidence)
    {
        await using var scratch = await db.CreateScratchDatabaseAsync($"gauges {poolMode} pooled");
        await using var bouncer = await PgBouncer.StartAsync(scratch, poolMode, serverRoundRobin);
        (await bouncer.WarmAsync(warmed)).Should().OnlyHaveUniqueItems().And.HaveCount(warmed);

        await using var context = GaugeContext.Create(bouncer.ConnectionString);
        var migrate = () => context.Database.MigrateAsync();

        var message = (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which.Message;
        message.Should().StartWith($"The connection to database '{scratch.Name}' goes through a connection pooler in transaction or statement mode ({evidence}")
            .And.EndWith("): a migration needs one server session for its whole run. Nothing was changed; migrate over a direct connection to "
                + "PostgreSQL or a session-pooled one (PgBouncer pool_mode = session).")
            .And.NotContain("\n");
        (await Sql.AdvisoryLocksAsync(scratch.ConnectionString)).Should().Be(0);
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NULL AND to_regclass('gauges') IS NULL"))
            .Should().BeTrue("nothing was written");
        if (poolMode == "transaction")
        {
            // Statement mode refuses the transactions the survey holds open; no statement of the run set anything there either.
            (await bouncer.SettingOnServerConnectionsAsync("lock_timeout", ServerConnectionsSurveyed))
                .Should().AllBe("0", "no server connection the pool hands to the next client has the migration's lock_timeout");
        }
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, Warmed)]
    [InlineData(true, Warmed)]
    public async Task MigrateAsync_through_a_session_pooler_applies_every_migration_and_releases_its_lock(bool serverRoundRobin, int warmed)
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges session pooled");
        await using var bouncer = await PgBouncer.StartAsync(scratch, "session", serverRoundRobin);
        (await bouncer.WarmAsync(warmed)).Should().OnlyHaveUniqueItems().And.HaveCount(warmed);

        await using (var context = GaugeContext.Create(bouncer.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        (await Sql.ListAsync<string>(scratch.ConnectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"))
            .Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty();
        (await Sql.ScalarAsync<bool>(scratch.ConnectionString, "SELECT to_regclass('ix_gauges_zone_site') IS NOT NULL AND to_regclass('ix_gauges_zone') IS NULL"))
            .Should().BeTrue();

        // PgBouncer resets a session's server connection (server_reset_query, DISCARD ALL) after its client leaves.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Sql.AdvisoryLocksAsync(scratch.ConnectionString) > 0)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the migration lock is released when the run's lock connection closes");
            await Task.Delay(50);
        }

        (await bouncer.SettingOnServerConnectionsAsync("lock_timeout", ServerConnectionsSurveyed)).Should().AllBe("0");
    }

    [Fact]
    public async Task A_lock_timeout_behind_a_session_pooler_names_the_blocking_session_by_its_backend_pid()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges session pooled blocked");
        await using (var first = GaugeContext.Create(scratch.ConnectionString))
        {
            await first.Database.MigrateAsync(GaugeMigrations.CreateGauges);
        }

        await using var bouncer = await PgBouncer.StartAsync(scratch, "session");
        await using var blocker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(bouncer.ConnectionString) { ApplicationName = "gauge blocker" }.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE gauges IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await using var backendPid = new NpgsqlCommand("SELECT pg_backend_pid()", blocker, transaction);
        var blockerPid = (int)(await backendPid.ExecuteScalarAsync())!;
        blockerPid.Should().NotBe(blocker.ProcessID, "PgBouncer gives its clients a startup key of its own");

        await using var context = GaugeContext.Create(bouncer.ConnectionString, safe => safe.LockTimeout(TimeSpan.FromMilliseconds(500)).Retries(0));
        var migrate = () => context.Database.MigrateAsync();

        var message = (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which.Message;
        message.Should().StartWith(
                $"ReplaceZoneIndex could not get a lock within 500ms (lock_timeout) in 1 attempt(s) on database '{scratch.Name}': blocked by a lock held by "
                + $"pid {blockerPid} (application 'gauge blocker', idle in transaction, transaction open 0m")
            .And.NotContain("\n");
        (await Sql.ListAsync<string>(scratch.ConnectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"))
            .Should().Equal(GaugeMigrations.CreateGauges);
        (await Sql.InvalidIndexesAsync(scratch.ConnectionString)).Should().BeEmpty("the failed build dropped its INVALID index");
    }

    [Fact]
    public async Task The_pooler_check_takes_a_full_session_pool_for_session_mode_once_a_further_client_waits_in_vain_for_a_server()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges full session pool");
        await using var bouncer = await PgBouncer.StartAsync(scratch, "session", poolSize: 1);
        await using var connection = new NpgsqlConnection(bouncer.ConnectionString);
        await connection.OpenAsync();
        await using var backendPid = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var before = (int)(await backendPid.ExecuteScalarAsync())!;

        await TransactionPoolerCheck.EnsureSessionAsync(connection, CancellationToken.None);

        ((int)(await backendPid.ExecuteScalarAsync())!).Should().Be(before, "the checked client keeps its server connection");
        (await Sql.AdvisoryLocksAsync(scratch.ConnectionString)).Should().Be(0);
    }
}
