using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations;

public sealed class IdempotentScriptTests(PostgresDatabaseFixture<IdempotentScriptTests> db)
    : IClassFixture<PostgresDatabaseFixture<IdempotentScriptTests>>, IAsyncLifetime
{
    private readonly string _script = Path.Combine(Path.GetTempPath(), $"cmms-idempotent-{Guid.NewGuid():N}.sql");

    public async Task InitializeAsync()
    {
        await using var context = CmmsContexts.Create(db.ConnectionString);
        var sql = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        await File.WriteAllTextAsync(_script, sql);
    }

    public Task DisposeAsync()
    {
        File.Delete(_script);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Idempotent_script_writes_concurrent_index_statements_outside_do_blocks()
    {
        var sql = await File.ReadAllTextAsync(_script);
        var blocks = System.Text.RegularExpressions.Regex.Matches(sql, @"DO \$EF\$.*?END \$EF\$;", System.Text.RegularExpressions.RegexOptions.Singleline);

        blocks.Should().Contain(b => b.Value.Contains("CREATE TABLE artists", StringComparison.Ordinal))
            .And.NotContain(b => b.Value.Contains("CONCURRENTLY", StringComparison.Ordinal));
        sql.Should().Contain("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_user_id_status_created_at ON orders (user_id, status, created_at DESC);")
            .And.Contain("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_user_id;");
        sql.IndexOf("VALUES ('20261121073149_AddIndexes'", StringComparison.Ordinal)
            .Should().BeGreaterThan(sql.LastIndexOf("CREATE INDEX CONCURRENTLY", StringComparison.Ordinal), "the history row is written after every index build");
    }

    [Fact]
    public async Task Idempotent_script_runs_three_times_on_an_empty_database_and_leaves_the_migrated_schema()
    {
        await using var scripted = await db.CreateScratchDatabaseAsync("scripted");
        await using var migrated = await db.CreateScratchDatabaseAsync("migrated");
        await CmmsContexts.MigrateAsync(migrated.ConnectionString);

        for (var run = 1; run <= 3; run++)
        {
            var (exitCode, output) = await PostgresClientTools.RunScriptAsync(scripted.ConnectionString, _script);
            exitCode.Should().Be(0, $"run {run} must succeed: {output}");
        }

        (await PostgresClientTools.DumpSchemaAsync(scripted.ConnectionString))
            .Should().Be(await PostgresClientTools.DumpSchemaAsync(migrated.ConnectionString));
        (await CatalogIndexes.ReadAsync(scripted.ConnectionString)).Should().OnlyContain(i => i.IsValid);
    }

    [Fact]
    public async Task Idempotent_script_applied_twice_to_an_up_to_date_database_rebuilds_no_index()
    {
        await using var upToDate = await db.CreateScratchDatabaseAsync("up to date");
        await CmmsContexts.MigrateAsync(upToDate.ConnectionString);
        var before = await IndexOidsAsync(upToDate.ConnectionString);

        for (var run = 1; run <= 2; run++)
        {
            var (exitCode, output) = await PostgresClientTools.RunScriptAsync(upToDate.ConnectionString, _script);
            exitCode.Should().Be(0, $"run {run} must succeed: {output}");
        }

        (await IndexOidsAsync(upToDate.ConnectionString)).Should().Equal(before, "no live index is dropped and rebuilt");
        before.Should().Contain(i => i.StartsWith("ix_phone_verifications_user_id_unused ", StringComparison.Ordinal));
    }

    // An index's oid changes when it is dropped and built again, even under the same name and definition.
    private static Task<IReadOnlyList<string>> IndexOidsAsync(string connectionString) => Sql.ListAsync<string>(
        connectionString,
        "SELECT c.relname || ' ' || c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'i' AND n.nspname = 'public' ORDER BY c.relname");

    [Fact]
    public async Task Idempotent_script_completes_a_database_at_initial_schema()
    {
        await using var partial = await db.CreateScratchDatabaseAsync("partial");
        await using var migrated = await db.CreateScratchDatabaseAsync("full");
        await CmmsContexts.MigrateAsync(partial.ConnectionString, "InitialSchema");
        await CmmsContexts.MigrateAsync(migrated.ConnectionString);

        var (exitCode, output) = await PostgresClientTools.RunScriptAsync(partial.ConnectionString, _script);

        exitCode.Should().Be(0, output);
        (await PostgresClientTools.DumpSchemaAsync(partial.ConnectionString))
            .Should().Be(await PostgresClientTools.DumpSchemaAsync(migrated.ConnectionString));
    }
}
