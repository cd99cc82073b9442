using System.Text.Json;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>The command line of analyze: formats, the JSON schema, the CI gate and its errors.</summary>
public sealed class AnalyzeOutputTests(AnalyzeOutputTests.Fixture db) : IClassFixture<AnalyzeOutputTests.Fixture>
{
    private static readonly string[] FindingProperties = ["kind", "severity", "table", "index", "coveredBy", "detail", "fix"];

    private static readonly string[] Kinds =
    [
        "invalid_index", "missing_index", "sequence_near_max", "duplicate_index", "redundant_index", "fk_without_index", "duplicate_foreign_key",
        "unexpected_index", "table_without_primary_key", "not_valid_constraint", "bloated_index", "unused_index",
        "xid_wraparound", "long_transaction", "superseded_unique", "index_mostly_null", "btree_on_array", "intersected_foreign_key",
        "foreign_key_type_mismatch", "json_column", "timestamp_without_time_zone", "money_column", "char_column", "serial_column",
        "integer_primary_key", "sequence_not_owned", "name_near_limit", "bloated_table", "sequentially_scanned_table",
    ];

    [Fact]
    public async Task Fail_on_gates_on_the_most_severe_finding()
    {
        var warningsOnly = new[] { "analyze", "--connection", db.ConnectionString, "--schema", "warnings" };
        var withError = new[] { "analyze", "--connection", db.ConnectionString, "--schema", "errors" };

        (await CmmsDbRun.InProcessAsync(warningsOnly)).ExitCode.Should().Be(0);
        (await CmmsDbRun.InProcessAsync([.. warningsOnly, "--fail-on", "error"])).ExitCode.Should().Be(0);
        var gated = await CmmsDbRun.InProcessAsync([.. warningsOnly, "--fail-on", "warning"]);
        gated.ExitCode.Should().Be(1);
        gated.Error.Trim().Should().Be("cmms-db: error: 3 findings: 0 errors, 2 warnings, 1 info (--fail-on warning).");
        (await CmmsDbRun.InProcessAsync([.. withError, "--fail-on", "error"])).ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Json_report_has_exactly_the_documented_shape()
    {
        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "warnings", "--schema", "errors");

        var json = run.Result.Json;
        json.EnumerateObject().Select(p => p.Name).Should().Equal("findings", "summary", "tables");
        json.GetProperty("findings").EnumerateArray().Should().HaveCount(5)
            .And.OnlyContain(f => f.EnumerateObject().Select(p => p.Name).SequenceEqual(FindingProperties));

        var summary = json.GetProperty("summary");
        summary.EnumerateObject().Select(p => p.Name).Should().Equal(
            "schemaVersion", "engine", "database", "serverVersion", "schemas", "model", "statisticsResetAt",
            "tableCount", "materializedViewCount", "indexCount", "findingCount", "bySeverity", "byKind", "notes");
        summary.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        summary.GetProperty("engine").GetString().Should().Be("PostgreSQL");
        summary.GetProperty("database").GetString().Should().Be(db.DatabaseName);
        summary.GetProperty("schemas").EnumerateArray().Select(s => s.GetString()).Should().Equal("errors", "warnings");
        summary.GetProperty("model").GetString().Should().Be("none");
        summary.GetProperty("tableCount").GetInt32().Should().Be(3);
        summary.GetProperty("materializedViewCount").GetInt32().Should().Be(0);
        summary.GetProperty("indexCount").GetInt32().Should().Be(7);
        summary.GetProperty("findingCount").GetInt32().Should().Be(5);
        summary.GetProperty("bySeverity").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32()))
            .Should().Equal(("error", 1), ("warning", 2), ("info", 2));
        summary.GetProperty("byKind").EnumerateObject().Select(p => p.Name).Should().Equal(Kinds);
        summary.GetProperty("byKind").GetProperty("duplicate_index").GetInt32().Should().Be(1);

        var table = json.GetProperty("tables").EnumerateArray().First();
        table.EnumerateObject().Select(p => p.Name).Should().Equal(
            "table", "kind", "estimatedRows", "totalBytes", "tableBytes", "indexBytes", "indexCount", "liveTuples", "deadTuples", "deadTupleRatio");
        table.GetProperty("table").GetString().Should().Be("errors.t");
        table.GetProperty("kind").GetString().Should().Be("table");
        table.GetProperty("estimatedRows").GetInt64().Should().Be(2);
        table.GetProperty("indexCount").GetInt32().Should().Be(3);
        table.GetProperty("totalBytes").GetInt64().Should().BeGreaterThan(0);
        table.GetProperty("deadTupleRatio").ValueKind.Should().BeOneOf(JsonValueKind.Number, JsonValueKind.Null);
    }

    [Fact]
    public async Task Markdown_report_has_a_table_row_per_finding_and_the_fixes_in_a_sql_block()
    {
        var json = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "warnings", "--schema", "errors");
        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--schema", "warnings", "--schema", "errors", "--format", "markdown");

        run.ExitCode.Should().Be(0);
        var lines = run.Output.Split('\n');
        lines[0].Should().Be("### cmms-db analyze: 5 findings: 1 error, 2 warnings, 2 info");
        var rows = lines.SkipWhile(l => !l.StartsWith("| Severity |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        rows.Should().HaveCount(json.Findings.Count);
        foreach (var (row, finding) in rows.Zip(json.Findings))
        {
            row.Should().StartWith($"| {(finding.Severity == "error" ? "**error**" : finding.Severity)} | `{finding.Kind}` | `{finding.Table}` | {Code(finding.Index)} |");
        }

        run.Output.Should().Contain("```sql").And.Contain("DROP INDEX CONCURRENTLY IF EXISTS warnings.ix_t_a_copy;");
    }

    [Fact]
    public async Task Text_report_is_the_default_and_global_json_switch_selects_json()
    {
        var text = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--schema", "warnings");
        var json = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--schema", "warnings", "--json");

        text.Output.Should().Contain("WARNING duplicate_index  warnings.t  ix_t_a_copy (covered by ix_t_a)")
            .And.Contain("        DROP INDEX CONCURRENTLY IF EXISTS warnings.ix_t_a_copy;")
            .And.Contain("3 findings: 0 errors, 2 warnings, 1 info");
        JsonDocument.Parse(json.Output).RootElement.GetProperty("findings").GetArrayLength().Should().Be(3);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "info")]
    [InlineData("--model", "other")]
    public async Task Bad_option_values_are_usage_errors(string option, string value)
    {
        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, option, value);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_schema_is_a_one_line_usage_error_naming_the_schemas_that_exist()
    {
        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--schema", "nope");

        run.ExitCode.Should().Be(2);
        run.Error.Trim().Should().Be($"cmms-db: error: Schema 'nope' not found in database {db.DatabaseName}. Its schemas are: errors, public, warnings.");
    }

    private static string Code(string? name) => name is null ? string.Empty : $"`{name}`";

    /// <summary>
    ///     A database with a schema of warnings (and an unused-index info) and one with an error (and an info).
    /// </summary>
    public sealed class Fixture : PostgresDatabaseFixture, IAsyncLifetime
    {
        public Fixture()
            : base("analyze_output")
        {
        }

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await AnalysisDatabase.CreateSchemaAsync(
                this,
                "warnings",
                "CREATE TABLE t (id int PRIMARY KEY, a int, b int)",
                "CREATE INDEX ix_t_a ON t (a)",
                "CREATE INDEX ix_t_a_copy ON t (a)",
                // ix_t_a covers its copy, so it is never reported unused beside it; ix_t_b is the unused one.
                "CREATE INDEX ix_t_b ON t (b)",
                "CREATE TABLE no_key (a int)");
            await AnalysisDatabase.CreateSchemaAsync(
                this,
                "errors",
                "CREATE TABLE t (id int PRIMARY KEY, a int)",
                "INSERT INTO t VALUES (1, 1), (2, 1)",
                "CREATE INDEX ix_t_a ON t (a)",
                "ANALYZE t");
            var build = () => Sql.ExecuteAsync(ConnectionString, "CREATE UNIQUE INDEX CONCURRENTLY ux_t_a ON errors.t (a)");
            await build.Should().ThrowAsync<Npgsql.PostgresException>();
        }
    }
}
