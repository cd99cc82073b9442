using System.Diagnostics;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Tool;
using Cmms.Data.LocalPostgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     A migration whose server restarts (<c>pg_ctl restart -m fast</c>: every session ends with 57P01, then the server
///     refuses connections while it shuts down and starts) or stops in the middle of a concurrent index build. Each test
///     restarts a throwaway cluster of its own, never the shared server.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class ServerRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "app";

    private LocalPostgresCluster? _cluster;

    private LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    // What the application migrates with: a pooled connection string, as an application has.
    private string Application => Cluster.GetConnectionString(Database);

    // What the test reads with: unpooled, so that no connection of the old server is handed out after a restart.
    private string Observer => new NpgsqlConnectionStringBuilder(Application) { Pooling = false }.ConnectionString;

    public async Task InitializeAsync()
    {
        _cluster = await LocalPostgresCluster.StartThrowawayAsync();
        await PostgresDatabases.CreateAsync(Cluster.ConnectionString, Database);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_through_a_fast_restart_mid_build_takes_the_lock_again_on_a_new_session_and_completes()
    {
        await SlowGaugeBuild.PrepareAsync(Application);
        var progress = new ProgressLog();
        await using var context = GaugeContext.Create(Application, safe => safe.ReportProgressTo(progress));
        var migrate = context.Database.MigrateAsync();
        await SlowGaugeBuild.WaitForBuildAsync(Observer, migrate);
        var before = (await Sql.AdvisoryLockHoldersAsync(Observer)).Should().ContainSingle().Subject;

        var restart = Stopwatch.StartNew();
        await Cluster.RestartAsync();
        output.WriteLine($"pg_ctl restart -m fast took {restart.Elapsed.TotalMilliseconds:N0} ms (shared machine: noisy)");

        await SlowGaugeBuild.WaitForBuildAsync(Observer, migrate);
        var resumed = await Sql.AdvisoryLockHoldersAsync(Observer);
        await migrate;
        output.WriteLine(string.Join(Environment.NewLine, progress.Reports.Where(r => r.Kind != MigrationProgressKind.IndexBuild).Select(r => $"{r.Kind}: {r.Message}")));

        before.ApplicationName.Should().EndWith("(migration lock)");
        var holder = resumed.Should().ContainSingle("the resumed build runs under the migration lock").Subject;
        holder.Pid.Should().NotBe(before.Pid, "the session that held the lock before the restart is gone");
        (holder.Key, holder.ApplicationName).Should().Be((before.Key, before.ApplicationName));
        var retries = progress.Reports.Where(r => r.Kind == MigrationProgressKind.Retrying).Select(r => r.Message).ToList();
        retries.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(3).And.AllSatisfy(m => m.Should().StartWith("ReplaceZoneIndex: the connection to the server was lost ("));
        retries[0].Should().Be(
            "ReplaceZoneIndex: the connection to the server was lost (57P01: terminating connection due to administrator command); retry 1 of 3 in 1s.");
        progress.Reports.SkipWhile(r => r.Kind != MigrationProgressKind.Retrying)
            .Should().Contain(r => r.Kind == MigrationProgressKind.IndexBuild && r.IndexBuild!.Index == "ix_gauges_zone_site", "the watch follows the resumed build");
        await SlowGaugeBuild.ShouldBeCompleteAsync(Observer);
    }

    [Fact]
    public async Task MigrateAsync_whose_server_stays_down_past_the_retries_fails_in_one_line_and_a_rerun_completes()
    {
        await SlowGaugeBuild.PrepareAsync(Application);
        await using (var context = GaugeContext.Create(Application, safe => safe.Retries(2)))
        {
            var migrate = context.Database.MigrateAsync();
            await SlowGaugeBuild.WaitForBuildAsync(Observer, migrate);
            await Cluster.StopAsync();

            var failure = (await migrate.Invoking(m => m).Should().ThrowAsync<SafeMigrationException>()).Which;
            output.WriteLine(failure.Message);
            failure.Message.Should().Be(
                $"The connection to database '{Database}' was lost while migrating ReplaceZoneIndex (Failed to connect to 127.0.0.1:{Cluster.Port}) "
                + "in 3 attempt(s). Every statement is rerunnable and ReplaceZoneIndex is not recorded as applied: run the migration again "
                + "when the server is back; it resumes safely.");
        }

        await Cluster.EnsureStartedAsync();
        (await HistoryAsync()).Should().Equal([GaugeMigrations.CreateGauges], "the history row of ReplaceZoneIndex is written last");
        (await Sql.ListAsync<string>(Observer, """
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indisvalid AND i.indrelid = 'gauges'::regclass ORDER BY 1
                """))
            .Should().Equal(["PK_gauges", "ix_gauges_zone"], "the old index stays until the new one is built");

        await using (var rerun = GaugeContext.Create(Application))
        {
            await rerun.Database.MigrateAsync();
        }

        await SlowGaugeBuild.ShouldBeCompleteAsync(Observer);
    }

    [Fact]
    public async Task Cmms_db_migrate_whose_server_stops_mid_build_fails_in_one_line_and_the_efbundle_then_migrates_through_a_restart()
    {
        var efbundle = await Efbundle.PathAsync();
        var connection = ToolDatabase.WithPassword(Application);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema")).ShouldSucceed();
        // Half the rows of KilledMigrationTests: each build is still caught, and the bundle's whole AddIndexes stays short.
        output.WriteLine($"loaded audit_logs in {await SlowAuditLogBuilds.PrepareAsync(Observer, SlowAuditLogBuilds.SecondsPerBuild / 2)}");

        using (var migrate = CmmsDbProcess.Start("migrate", "--connection", connection, "--retries", "1"))
        {
            await SlowAuditLogBuilds.WaitForBuildAsync(Observer, migrate);
            await Cluster.StopAsync();
            var failed = await migrate.WaitAsync(TimeSpan.FromMinutes(1));
            output.WriteLine($"cmms-db migrate, server stopped mid-build:{Environment.NewLine}{failed.Error}");

            failed.ExitCode.Should().Be(1);
            failed.ErrorLines.Should().NotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "the failure is one line, not a stack trace");
            failed.ErrorLines.Should().ContainSingle(l => l.StartsWith("cmms-db: error:", StringComparison.Ordinal)).Which.Should().Be(
                $"cmms-db: error: The connection to database '{Database}' was lost while migrating AddIndexes (Failed to connect to 127.0.0.1:{Cluster.Port}) "
                + "in 2 attempt(s). Every statement is rerunnable and AddIndexes is not recorded as applied: run the migration again when the "
                + "server is back; it resumes safely.");
            (failed.Output + failed.Error).Should().NotContain(ToolTestDefaults.Password);
        }

        await Cluster.EnsureStartedAsync();
        (await ToolDatabase.HistoryAsync(Observer)).Should().Equal([ToolDatabase.InitialSchema], "nothing of AddIndexes is recorded");

        using var bundle = CmmsDbProcess.StartEfbundle(efbundle, connection);
        await SlowAuditLogBuilds.WaitForBuildAsync(Observer, bundle);
        var restart = Stopwatch.StartNew();
        await Cluster.RestartAsync();
        output.WriteLine($"pg_ctl restart -m fast under the efbundle took {restart.Elapsed.TotalMilliseconds:N0} ms (shared machine: noisy)");
        var run = await bundle.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"efbundle through the restart:{Environment.NewLine}{run.Output}{run.Error}");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        // The build's own failure, not the failed reconnect of its cleanup (which the design-time factory's interceptor wraps).
        (run.Output + run.Error).Should().Contain(
            "AddIndexes: the connection to the server was lost (57P01: terminating connection due to administrator command); retry 1 of 3 in 1s.");
        (run.Output + run.Error).Should().NotContain(ToolTestDefaults.Password);
        (await ToolDatabase.HistoryAsync(Observer)).Should().Equal(ToolDatabase.All);
        (await Sql.InvalidIndexesAsync(Observer)).Should().BeEmpty();
        (await Sql.AdvisoryLocksAsync(Observer)).Should().Be(0);
    }

    private Task<IReadOnlyList<string>> HistoryAsync()
        => Sql.ListAsync<string>(Observer, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");
}
