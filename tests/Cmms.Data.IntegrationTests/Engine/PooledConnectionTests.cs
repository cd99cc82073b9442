using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     <c>MigrateAsync()</c> of <see cref="GaugeContext" /> through a real PgBouncer on loopback: refused in transaction and
///     statement mode before anything is locked, set or written; applied in session mode.
/// </summary>
public sealed class PooledConnectionTests(PostgresDatabaseFixture<PooledConnectionTests> db)
    : IClassFixture<PostgresDatabaseFixture<PooledConnectionTests>>
{
    // More than the run's connections (lock, pooler check, migration, progress), fewer than the pool's 20.
    private const int ServerConnectionsSurveyed = 8;

    [Theory]
    [InlineData("transaction", "consecutive statements ran on different server sessions")]
    [InlineData("statement", "a transaction was refused: ")]
    public async Task MigrateAsync_through_a_pooler_that_hands_out_transactions_refuses_and_leaves_no_lock_or_setting_behind(string poolMode, string evidence)
    {
        await using var scratch = await db.CreateScratchDatabaseAsync($"gauges {poolMode} pooled");
        await using var bouncer = await PgBouncer.StartAsync(scratch, poolMode);

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
            (await bouncer.SettingOnServerConnectionsAsync("lock_timeout", ServerConnectionsSurveyed))
                .Should().AllBe("0", "no server connection the pool hands to the next client has the migration's lock_timeout");
        }
    }

    [Fact]
    public async Task MigrateAsync_through_a_session_pooler_applies_every_migration_and_releases_its_lock()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("gauges session pooled");
        await using var bouncer = await PgBouncer.StartAsync(scratch, "session");

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
}
