using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Tool;
using Cmms.Data.RewriteScenarios;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     The five rewrites through the two paths that build the context with a design-time factory and migrate
///     synchronously in a process of their own: <c>dotnet ef database update</c> and an efbundle, on
///     <see cref="RewriteScenariosContext" />. The rewritten SQL is what runs, and a data failure stops either with the
///     engine's one line and its ready SELECT (no stack trace), until the data is fixed.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class RewriteToolPathsTests(PostgresDatabaseFixture<RewriteToolPathsTests> db)
    : IClassFixture<PostgresDatabaseFixture<RewriteToolPathsTests>>
{
    private const int Rows = 1_000;
    private const string DotnetEf = "dotnet ef database update";
    private const string Bundle = "efbundle";

    private static readonly string[] MigrationIds =
    [
        "20260101000001_AddForeignKey", "20260101000002_AddCheck", "20260101000003_MakeSerialNotNull", "20260101000004_AddUnique",
        "20260101000005_AddPrimaryKey",
    ];

    // Each change's data broken so that its rewrite stops, the start of the one line it stops with, and the fix.
    private static readonly DataFailure[] Failures =
    [
        new(RewriteChange.ForeignKey, "UPDATE busy_fk SET parent_id = 5000 + id WHERE id <= 3", "UPDATE busy_fk SET parent_id = 1 WHERE parent_id > 1000",
            "The foreign key fk_busy_fk_parents on table busy_fk cannot be validated: ", 3),
        new(RewriteChange.Check, "UPDATE busy_check SET value = -1 WHERE id <= 3", "UPDATE busy_check SET value = 0 WHERE value < 0",
            "The check constraint ck_busy_check_value on table busy_check cannot be validated: ", 3),
        new(RewriteChange.NotNull, "UPDATE busy_not_null SET serial = NULL WHERE id <= 3", "UPDATE busy_not_null SET serial = 'fixed' || id WHERE serial IS NULL",
            "The NOT NULL check busy_not_null_serial_not_null on table busy_not_null cannot be validated: ", 3),
        new(RewriteChange.Unique, "UPDATE busy_unique SET serial = 'twice' WHERE id IN (1, 2)", "UPDATE busy_unique SET serial = 's' || id WHERE serial = 'twice'",
            "The unique constraint ak_busy_unique_serial on table busy_unique cannot be built: ", 1),
        new(RewriteChange.PrimaryKey, "UPDATE busy_pk SET id = 1 WHERE id = 2", $"UPDATE busy_pk SET id = {Rows + 1} WHERE ctid = (SELECT max(ctid) FROM busy_pk WHERE id = 1)",
            "The primary key constraint pk_busy_pk on table busy_pk cannot be built: ", 1),
    ];

    [Theory]
    [InlineData(DotnetEf)]
    [InlineData(Bundle)]
    public async Task The_five_rewrites_apply_and_the_rewritten_statements_are_what_ran(string path)
    {
        await using var scratch = await CreateTablesAsync("rewrites applied");

        var (exitCode, output) = await MigrateAsync(path, scratch.ConnectionString, verbose: true);

        exitCode.Should().Be(0, output);
        output.Should().Contain("REFERENCES parents (id) NOT VALID;").And.Contain("ALTER TABLE busy_fk VALIDATE CONSTRAINT fk_busy_fk_parents;")
            .And.Contain("CHECK (value >= 0) NOT VALID;").And.Contain("ALTER TABLE busy_check VALIDATE CONSTRAINT ck_busy_check_value;")
            .And.Contain("CHECK (serial IS NOT NULL) NOT VALID;").And.Contain("ALTER TABLE busy_not_null ALTER COLUMN serial SET NOT NULL;")
            .And.Contain("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ak_busy_unique_serial ON busy_unique (serial);")
            .And.Contain("ALTER TABLE busy_unique ADD CONSTRAINT ak_busy_unique_serial UNIQUE USING INDEX ak_busy_unique_serial;")
            .And.Contain("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS pk_busy_pk ON busy_pk (id);")
            .And.Contain("ALTER TABLE busy_pk ADD CONSTRAINT pk_busy_pk PRIMARY KEY USING INDEX pk_busy_pk;");
        var connection = scratch.ConnectionString;
        (await AppliedAsync(connection)).Should().Equal(MigrationIds);
        (await BusyTables.ConstraintValidatedAsync(connection, "fk_busy_fk_parents")).Should().BeTrue();
        (await BusyTables.ConstraintValidatedAsync(connection, "ck_busy_check_value")).Should().BeTrue();
        (await BusyTables.ColumnIsNotNullAsync(connection, "busy_not_null", "serial")).Should().BeTrue();
        (await BusyTables.ConstraintValidatedAsync(connection, "busy_not_null_serial_not_null")).Should().BeNull("the helper check is dropped");
        foreach (var key in new[] { "ak_busy_unique_serial", "pk_busy_pk" })
        {
            (await BusyTables.IndexValidityAsync(connection, key)).Should().Equal(true);
            (await BusyTables.ConstraintValidatedAsync(connection, key)).Should().BeTrue();
        }

        (await Sql.InvalidIndexesAsync(connection)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(DotnetEf)]
    [InlineData(Bundle)]
    public async Task Each_data_failure_stops_with_one_line_and_a_ready_select_and_the_rerun_after_the_fix_goes_on(string path)
    {
        await using var scratch = await CreateTablesAsync("rewrites failing");
        var connection = scratch.ConnectionString;
        await Sql.ExecuteEachAsync(connection, Failures.Select(f => f.Break));

        for (var i = 0; i < Failures.Length; i++)
        {
            var failure = Failures[i];
            var (exitCode, output) = await MigrateAsync(path, connection, verbose: false);

            exitCode.Should().NotBe(0, output);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.Should().NotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "the failure is one line, not a stack trace: {0}", output);
            var line = lines.Should().ContainSingle(l => l.Contains("cannot be", StringComparison.Ordinal), output).Which;
            line.Should().StartWith(failure.Line).And.EndWith("; fix them and rerun the migration.");
            var offendingRows = RewriteDataFailureTests.OffendingRowsQuery(line);
            (await Sql.ListAsync<object>(connection, offendingRows)).Should().HaveCount(failure.OffendingRows);
            (await AppliedAsync(connection)).Should().Equal(MigrationIds[..i], "the migrations before it are recorded, it is not");

            await Sql.ExecuteAsync(connection, failure.Fix);
            (await Sql.ListAsync<object>(connection, offendingRows)).Should().BeEmpty();
        }

        var rerun = await MigrateAsync(path, connection, verbose: false);
        rerun.ExitCode.Should().Be(0, rerun.Output);
        (await AppliedAsync(connection)).Should().Equal(MigrationIds);
        (await Sql.InvalidIndexesAsync(connection)).Should().BeEmpty();
    }

    private async Task<TestDatabase> CreateTablesAsync(string purpose)
    {
        var scratch = await db.CreateScratchDatabaseAsync(purpose);
        foreach (var change in RewriteChange.All)
        {
            await BusyTables.CreateAsync(scratch.ConnectionString, change.Table, Rows, change.WithPrimaryKey);
        }

        return scratch;
    }

    private static async Task<(int ExitCode, string Output)> MigrateAsync(string path, string connectionString, bool verbose)
    {
        var environment = new Dictionary<string, string> { [RewriteScenariosContextFactory.ConnectionVariable] = connectionString };
        string[] options = verbose ? ["--verbose"] : [];
        if (path == Bundle)
        {
            return await ChildProcess.RunAsync(await Efbundle.RewriteScenariosPathAsync(), options, environment);
        }

        // A fresh clone has not restored the local tool manifest (.config/dotnet-tools.json) yet.
        var restore = await Repository.DotnetAsync(Repository.Root, null, "tool", "restore");
        restore.ExitCode.Should().Be(0, restore.Output);
        return await Repository.DotnetAsync(
            Repository.Root,
            environment,
            ["ef", "database", "update", "--project", "tests/Cmms.Data.RewriteScenarios", "--configuration", Repository.Configuration, "--no-build", .. options]);
    }

    // The engine creates the history table before it applies anything, so it exists after every run, a failed one included.
    private static Task<IReadOnlyList<string>> AppliedAsync(string connectionString)
        => Sql.ListAsync<string>(connectionString, $"SELECT \"MigrationId\" FROM {RewriteScenariosContext.HistoryTable} ORDER BY 1");

    private sealed record DataFailure(RewriteChange Change, string Break, string Fix, string Line, int OffendingRows);
}
