using Cmms.Data.Analysis.Findings;
using Cmms.Data.HealthChecks;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Migrations;
using Cmms.Data.IntegrationTests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cmms.Data.IntegrationTests.HealthChecks;

/// <summary>
///     <c>AddHealthChecks().AddCmmsDataSchema&lt;CmmsDbContext&gt;()</c> run through the real <see cref="HealthCheckService" />
///     of a <see cref="ServiceCollection" />, on databases migrated with the Cmms.Data migrations and then damaged.
/// </summary>
public sealed class SchemaHealthCheckTests(PostgresDatabaseFixture<SchemaHealthCheckTests> db, PasswordCheckingServer passwordServer)
    : IClassFixture<PostgresDatabaseFixture<SchemaHealthCheckTests>>, IClassFixture<PasswordCheckingServer>
{
    private const string LastMigration = "20261201194333_RenameUnusedPhoneVerificationsIndex";

    [Fact]
    public async Task A_fully_migrated_database_is_healthy_with_nothing_in_the_data()
    {
        await using var database = await MigratedAsync("healthy");

        var entry = await CheckAsync(database.ConnectionString);

        entry.Status.Should().Be(HealthStatus.Healthy, entry.Description);
        entry.Description.Should().Be("The schema has no pending migration and none of the checked findings.");
        PendingMigrations(entry).Should().BeEmpty();
        Findings(entry).Should().BeEmpty();
    }

    [Fact]
    public async Task A_pending_migration_is_unhealthy_and_named_in_the_data()
    {
        await using var database = await db.CreateScratchDatabaseAsync("health_pending");
        await CmmsContexts.MigrateAsync(database.ConnectionString, "AddIndexes");

        var entry = await CheckAsync(database.ConnectionString);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        PendingMigrations(entry).Should().Equal(LastMigration);
        entry.Description.Should().StartWith("The schema has 1 pending migration");
    }

    [Fact]
    public async Task An_invalid_index_is_unhealthy_with_its_finding_and_fix_in_the_data()
    {
        await using var database = await MigratedAsync("health_invalid");
        // What a failed CREATE INDEX CONCURRENTLY of a migration leaves behind: the index, marked invalid.
        await Sql.ExecuteAsync(database.ConnectionString, "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'public.ix_orders_created_at'::regclass");

        var entry = await CheckAsync(database.ConnectionString);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("The schema has 1 invalid_index (unhealthy).");
        var finding = Findings(entry).Should().ContainSingle().Subject;
        (finding.Kind, finding.Table, finding.Index).Should().Be((FindingKind.InvalidIndex, "public.orders", "ix_orders_created_at"));
        finding.Fix.Should().Contain("CREATE INDEX CONCURRENTLY ix_orders_created_at ON public.orders");
    }

    [Fact]
    public async Task A_dropped_foreign_key_index_is_unhealthy_against_the_model_and_degraded_without_one()
    {
        await using var database = await MigratedAsync("health_fk");
        await Sql.ExecuteAsync(database.ConnectionString, "DROP INDEX ix_worksheets_machine_id_created_at");
        var foreignKey = await Sql.ScalarAsync<string>(
            database.ConnectionString,
            "SELECT conname::text FROM pg_constraint WHERE conrelid = 'public.worksheets'::regclass AND contype = 'f' "
            + "AND conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = 'public.worksheets'::regclass AND attname = 'machine_id')]");

        var withModel = await CheckAsync(database.ConnectionString);
        var withoutModel = await CheckAsync(database.ConnectionString, withModel: false);

        withModel.Status.Should().Be(HealthStatus.Unhealthy, "the model's index is missing");
        Findings(withModel).Select(f => (f.Kind, f.Table, f.Index)).Should().BeEquivalentTo([
            (FindingKind.MissingIndex, "public.worksheets", "ix_worksheets_machine_id_created_at"),
            (FindingKind.FkWithoutIndex, "public.worksheets", foreignKey),
        ]);
        withModel.Description.Should().Be("The schema has 1 missing_index (unhealthy), 1 fk_without_index (degraded).");
        withoutModel.Status.Should().Be(HealthStatus.Degraded, "without a model only the unindexed foreign key is left, which degrades");
        Findings(withoutModel).Select(f => (f.Kind, f.Index)).Should().Equal((FindingKind.FkWithoutIndex, foreignKey));
        PendingMigrations(withoutModel).Should().BeEmpty();
    }

    [Fact]
    public async Task A_finding_weighed_healthy_is_reported_in_the_data_without_degrading()
    {
        await using var database = await MigratedAsync("health_weights");
        await Sql.ExecuteAsync(database.ConnectionString, "DROP INDEX ix_worksheets_machine_id_created_at");

        var entry = await CheckAsync(database.ConnectionString, withModel: false, configure: options =>
            options.FindingStatuses[FindingKind.FkWithoutIndex] = HealthStatus.Healthy);

        entry.Status.Should().Be(HealthStatus.Healthy);
        Findings(entry).Select(f => f.Kind).Should().Equal(FindingKind.FkWithoutIndex);
    }

    [Fact]
    public async Task Wrong_credentials_are_unhealthy_in_one_line_that_echoes_no_password()
    {
        const string wrongPassword = "Wq9-Wrong@pw";
        var connectionString = passwordServer.ConnectionString(wrongPassword);

        var entry = await CheckAsync(connectionString);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("The schema check could not read the database: ").And.Contain("password authentication failed");
        entry.Description.Should().NotContain("\n");
        foreach (var text in new[] { entry.Description, entry.Exception?.ToString() ?? string.Empty })
        {
            text.Should().NotContain("Wq9").And.NotContain(PasswordCheckingServer.RightPassword);
        }
    }

    [Fact]
    public async Task A_server_message_quoting_a_hostile_name_is_one_line_with_its_unprintable_characters_escaped()
    {
        // The server's "database … does not exist" quotes the name: a terminal escape, a bidirectional override and a newline.
        const string hostile = "health_\u001b[2J\u202Egone\nDROP";
        var connectionString = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = hostile }.ConnectionString;

        var entry = await CheckAsync(connectionString, withModel: false);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("The schema check could not read the database: 3D000: database \"health_\\u001B[2J\\u202Egone DROP\" does not exist");
    }

    [Fact]
    public async Task A_check_held_up_by_a_lock_reports_its_timeout()
    {
        await using var database = await MigratedAsync("health_timeout");
        await using var blocker = new NpgsqlConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var started = DateTime.UtcNow;
        var entry = await CheckAsync(database.ConnectionString, configure: options => options.Timeout = TimeSpan.FromSeconds(1));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("The schema check did not finish within 1 s: the server is slow or a lock held it up.");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(9), "the catalog's own lock_timeout is 10 s; the check's timeout cancelled it first");
    }

    private async Task<TestDatabase> MigratedAsync(string purpose)
    {
        var database = await db.CreateScratchDatabaseAsync(purpose);
        await CmmsContexts.MigrateAsync(database.ConnectionString);
        return database;
    }

    // As an application registers it: the data source and the context in the services, the check on top. The context is
    // configured by connection string, as the test process's other contexts are, so it shares their EF service provider.
    private static async Task<HealthReportEntry> CheckAsync(
        string connectionString,
        bool withModel = true,
        Action<CmmsDataSchemaHealthCheckOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddDbContext<CmmsDbContext>(options => options.UseCmmsData(connectionString).AllowManyServiceProviders());
        var checks = services.AddHealthChecks();
        _ = withModel ? checks.AddCmmsDataSchema<CmmsDbContext>(configure) : checks.AddCmmsDataSchema(configure);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries.Should().ContainKey(CmmsDataSchemaHealthChecksBuilderExtensions.DefaultName).WhoseValue;
    }

    private static IReadOnlyList<string> PendingMigrations(HealthReportEntry entry)
        => entry.Data.Should().ContainKey("pending_migrations").WhoseValue.Should().BeAssignableTo<IReadOnlyList<string>>().Subject;

    private static IReadOnlyList<Finding> Findings(HealthReportEntry entry)
        => entry.Data.Should().ContainKey("findings").WhoseValue.Should().BeAssignableTo<IReadOnlyList<Finding>>().Subject;
}
