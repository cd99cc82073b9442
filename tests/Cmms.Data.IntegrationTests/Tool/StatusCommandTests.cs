using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class StatusCommandTests(PostgresDatabaseFixture<StatusCommandTests> db) : IClassFixture<PostgresDatabaseFixture<StatusCommandTests>>
{
    [Fact]
    public async Task Status_shows_pending_migrations_and_changes_nothing()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("status empty");

        var run = (await CmmsDbRun.InProcessAsync("status", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString))).ShouldSucceed();

        run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"Database '{scratch.Name}' is at 0.",
            "Applied (0): none",
            $"Pending (3): {string.Join(", ", ToolDatabase.All)}",
            "Model changes no migration captures: none",
            "Invalid indexes: none",
            "Schema: 0 tables, 0 materialized views, 0 indexes (none); 0 unique, 0 partial, 0 covering.");
        run.Error.Should().BeEmpty();
        (await ToolDatabase.FingerprintAsync(scratch.ConnectionString)).Should().Be("relations: none; history: ");
    }

    [Fact]
    public async Task Status_json_shows_the_applied_migration_and_an_invalid_index_left_by_a_failed_concurrent_build()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("status invalid");
        var connection = ToolDatabase.WithPassword(scratch.ConnectionString);
        (await CmmsDbRun.InProcessAsync("migrate", "--connection", connection, "--to", "InitialSchema")).ShouldSucceed();
        await Sql.ExecuteAsync(
            scratch.ConnectionString,
            "INSERT INTO artists (name, normalized_name) VALUES ('A', 'same'), ('B', 'same')");
        var failedBuild = () => Sql.ExecuteAsync(
            scratch.ConnectionString, "CREATE UNIQUE INDEX CONCURRENTLY ux_artists_normalized_name_test ON artists (normalized_name)");
        await failedBuild.Should().ThrowAsync<Npgsql.PostgresException>();

        var run = (await CmmsDbRun.InProcessAsync("status", "--connection", connection, "--json")).ShouldSucceed();

        var json = run.Json;
        json.GetProperty("current").GetString().Should().Be(ToolDatabase.InitialSchema);
        json.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).Should().Equal(ToolDatabase.InitialSchema);
        json.GetProperty("pending").EnumerateArray().Select(e => e.GetString()).Should().Equal(ToolDatabase.AddIndexes, ToolDatabase.RenameUnusedIndex);
        json.GetProperty("unknown").GetArrayLength().Should().Be(0);
        json.GetProperty("hasPendingModelChanges").GetBoolean().Should().BeFalse();
        json.GetProperty("invalidIndexes").EnumerateArray().Select(e => e.GetString()).Should().Equal("ux_artists_normalized_name_test");
        json.GetProperty("indexes").GetProperty("invalid").EnumerateArray().Select(e => e.GetString()).Should().Equal("ux_artists_normalized_name_test");
        json.GetProperty("indexes").GetProperty("pruned").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "the list is asked for with --pruned");
    }

    [Fact]
    public async Task Status_pruned_lists_every_index_the_conventions_pruned_from_the_model()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("status pruned");

        var run = (await CmmsDbRun.InProcessAsync("status", "--connection", ToolDatabase.WithPassword(scratch.ConnectionString), "--pruned")).ShouldSucceed();

        var expected = ToolDatabase.PrunedIndexes();
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.SkipWhile(l => !l.StartsWith("Pruned from the model", StringComparison.Ordinal)).Should().Equal(
            expected.Select(p => "  " + p).Prepend($"Pruned from the model by the index conventions: {expected.Count}."));
        expected.Should().NotBeEmpty();
    }
}
