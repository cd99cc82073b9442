using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

public sealed class ScriptCommandTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cmms-script-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Idempotent_script_goes_to_the_file_with_concurrent_index_statements_outside_the_history_checks()
    {
        var file = Path.Combine(_scratch.FullName, "schema.sql");

        var run = (await CmmsDbRun.InProcessAsync("script", "--idempotent", "-o", file)).ShouldSucceed();

        run.Output.Should().BeEmpty();
        run.ErrorLines.Should().Equal($"Wrote the script from 0 to {ToolDatabase.Head} to {file}.");
        var script = await File.ReadAllTextAsync(file);
        script.Should().Contain("CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\"")
            .And.Contain($"IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"migration_id\" = '{ToolDatabase.InitialSchema}')")
            .And.Contain("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_audit_logs_occurred_at ON audit_logs (occurred_at);")
            .And.Contain("DROP INDEX CONCURRENTLY IF EXISTS ix_worksheets_machine_id;");
        Occurrences(script, RerunnableNote).Should().Be(1, "the note on rerunnable statements is written once, at the top");
        Occurrences(script, "SET lock_timeout").Should().Be(1);
        script.IndexOf("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_worksheets_machine_id_created_at", StringComparison.Ordinal)
            .Should().BeLessThan(script.IndexOf("DROP INDEX CONCURRENTLY IF EXISTS ix_worksheets_machine_id;", StringComparison.Ordinal), "the new index is built before the one it replaces is dropped");
    }

    private const string RerunnableNote = "-- Statements outside the DO $EF$ blocks are guarded by their own IF [NOT] EXISTS";

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public async Task Script_from_InitialSchema_to_AddIndexes_holds_only_AddIndexes_with_the_lock_timeout_and_its_reverse_restores_the_dropped_indexes()
    {
        var up = (await CmmsDbRun.InProcessAsync("script", "--from", "InitialSchema", "--to", "AddIndexes", "--lock-timeout", "2s")).ShouldSucceed();
        var down = (await CmmsDbRun.InProcessAsync("script", "--from", "addindexes", "--to", ToolDatabase.InitialSchema, "--json")).ShouldSucceed();

        up.Output.Should().StartWith("-- Every statement waits at most this long for a lock").And.NotContain("CREATE TABLE")
            .And.Contain($"VALUES ('{ToolDatabase.AddIndexes}'").And.NotContain("-- Statements outside the DO $EF$ blocks", "the script has no history checks");
        up.Output.Split('\n').Where(l => l.Contains("lock_timeout", StringComparison.Ordinal)).Should().Equal(["SET lock_timeout = '2000ms';"], "it is set once, for the whole script");
        down.Json.GetProperty("from").GetString().Should().Be(ToolDatabase.AddIndexes);
        down.Json.GetProperty("to").GetString().Should().Be(ToolDatabase.InitialSchema);
        down.Json.GetProperty("script").GetString().Should()
            .Contain("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_worksheets_machine_id ON worksheets (machine_id);")
            .And.Contain($"DELETE FROM \"__EFMigrationsHistory\"");
    }
}
