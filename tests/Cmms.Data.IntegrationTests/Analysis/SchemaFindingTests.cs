using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary><c>table_without_primary_key</c>, <c>not_valid_constraint</c> and <c>sequence_near_max</c>.</summary>
public sealed class SchemaFindingTests(PostgresDatabaseFixture<SchemaFindingTests> db)
    : IClassFixture<PostgresDatabaseFixture<SchemaFindingTests>>
{
    [Fact]
    public async Task Tables_without_a_primary_key_are_reported_once_per_partitioned_table_and_never_for_views()
    {
        var run = await AnalyzeAsync(
            "no_pk",
            "CREATE TABLE plain (a int)",
            "CREATE TABLE promotable (code text NOT NULL, note text)",
            "CREATE UNIQUE INDEX ux_promotable_code ON promotable (code)",
            "CREATE TABLE measurements (at date NOT NULL, v int) PARTITION BY RANGE (at)",
            "CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
            "CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM plain",
            "CREATE TABLE keyed (id int PRIMARY KEY)");

        run.StructuralKeys.Should().BeEquivalentTo([
            new FindingKey("table_without_primary_key", "no_pk.plain"),
            new FindingKey("table_without_primary_key", "no_pk.promotable"),
            new FindingKey("table_without_primary_key", "no_pk.measurements"),
        ]);
        run.Findings.Single(f => f.Table == "no_pk.promotable").Fix
            .Should().Be("ALTER TABLE no_pk.promotable ADD PRIMARY KEY USING INDEX ux_promotable_code;");
        run.Findings.Single(f => f.Table == "no_pk.plain").Fix.Should().StartWith("-- choose the columns that identify a row");
    }

    [Fact]
    public async Task Check_and_foreign_key_constraints_added_not_valid_are_reported_until_validated()
    {
        var run = await AnalyzeAsync(
            "not_valid",
            "CREATE TABLE parent (id int PRIMARY KEY)",
            "CREATE TABLE child (id int PRIMARY KEY, parent_id int, qty int)",
            "CREATE INDEX ix_child_parent_id ON child (parent_id)",
            "ALTER TABLE child ADD CONSTRAINT child_qty_positive CHECK (qty > 0) NOT VALID",
            "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent NOT VALID",
            "ALTER TABLE child ADD CONSTRAINT child_qty_small CHECK (qty < 1000)");

        run.StructuralKeys.Should().BeEquivalentTo([
            new FindingKey("not_valid_constraint", "not_valid.child", "child_qty_positive"),
            new FindingKey("not_valid_constraint", "not_valid.child", "child_parent_fk"),
        ]);
        var fixes = run.StructuralFindings.Select(f => f.Fix).ToArray();
        fixes.Should().Contain("ALTER TABLE not_valid.child VALIDATE CONSTRAINT child_qty_positive;");

        await Sql.ExecuteEachAsync(db.ConnectionString, fixes);
        (await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "not_valid")).StructuralKeys.Should().BeEmpty();
    }

    [Fact]
    public async Task Sequences_near_their_limit_or_their_columns_limit_are_reported_and_cycling_or_fresh_ones_are_not()
    {
        var run = await AnalyzeAsync(
            "sequences",
            "CREATE SEQUENCE ticket_seq AS integer",
            "SELECT setval('ticket_seq', 2000000000)",
            "CREATE TABLE serial_table (id serial PRIMARY KEY)",
            "SELECT setval('serial_table_id_seq', 1700000000)",
            "CREATE TABLE narrow (id int PRIMARY KEY)",
            "CREATE SEQUENCE narrow_id_seq OWNED BY narrow.id",
            "ALTER TABLE narrow ALTER COLUMN id SET DEFAULT nextval('narrow_id_seq')",
            "SELECT setval('narrow_id_seq', 2100000000)",
            "CREATE SEQUENCE cycling AS smallint CYCLE",
            "SELECT setval('cycling', 32000)",
            "CREATE SEQUENCE fresh AS integer");

        run.StructuralKeys.Should().BeEquivalentTo([
            new FindingKey("sequence_near_max", null),
            new FindingKey("sequence_near_max", "sequences.serial_table"),
            new FindingKey("sequence_near_max", "sequences.narrow"),
        ]);
        var byTable = run.StructuralFindings.ToDictionary(f => f.Table ?? "(none)");
        byTable["(none)"].Should().BeEquivalentTo(new
        {
            Severity = "error",
            Detail = "Sequence sequences.ticket_seq has used 93.1% of its range (last value 2,000,000,000, limit 2,147,483,647); inserts fail when it runs out.",
            Fix = "ALTER SEQUENCE sequences.ticket_seq AS bigint;",
        });
        byTable["sequences.serial_table"].Severity.Should().Be("warning");
        byTable["sequences.narrow"].Severity.Should().Be("error", "a bigint sequence behind an integer column fails at the column's limit");
        byTable["sequences.narrow"].Fix.Should().Be(
            "-- rewrites the table under an ACCESS EXCLUSIVE lock: plan a maintenance window" + Environment.NewLine
            + "ALTER TABLE sequences.narrow ALTER COLUMN id TYPE bigint;");
    }

    [Fact]
    public async Task A_sequence_never_called_is_measured_from_its_start_and_increment()
    {
        var run = await AnalyzeAsync(
            "never_called",
            "CREATE TABLE late (id int PRIMARY KEY)",
            "CREATE SEQUENCE late_id_seq AS integer START 2100000000 OWNED BY late.id",
            "CREATE SEQUENCE descending_seq AS integer INCREMENT -1 START -2100000000",
            "CREATE SEQUENCE fresh AS integer");

        var findings = run.StructuralFindings.Where(f => f.Kind == "sequence_near_max").ToList();

        findings.Select(f => (f.Table, f.Severity)).Should().BeEquivalentTo([("never_called.late", "error"), ((string?)null, "error")]);
        findings.Single(f => f.Table == "never_called.late").Detail.Should().Be(
            "Sequence never_called.late_id_seq feeding never_called.late.id (integer) has used 97.8% of its range "
            + "before its first call (it starts at 2,100,000,000, limit 2,147,483,647); inserts fail when it runs out.");
        findings.Single(f => f.Table is null).Detail.Should().Contain("before its first call (it starts at -2,100,000,000, limit -2,147,483,648)");
    }

    [Fact]
    public async Task A_sequence_is_measured_against_the_narrowest_column_whose_default_calls_it_owned_or_not()
    {
        var run = await AnalyzeAsync(
            "defaults",
            "CREATE SEQUENCE shared_seq",
            "CREATE TABLE wide (id bigint PRIMARY KEY DEFAULT nextval('shared_seq'))",
            "CREATE TABLE slim (id int PRIMARY KEY DEFAULT nextval('shared_seq'))",
            "SELECT setval('shared_seq', 2100000000)");

        var finding = run.StructuralFindings.Should().ContainSingle().Which;

        finding.Key.Should().Be(new FindingKey("sequence_near_max", "defaults.slim"));
        finding.Severity.Should().Be("error", "the integer column fails at 2,147,483,647 though the sequence is bigint");
        finding.Fix.Should().EndWith("ALTER TABLE defaults.slim ALTER COLUMN id TYPE bigint;");
    }

    private async Task<AnalyzeRun> AnalyzeAsync(string schema, params string[] statements)
    {
        await AnalysisDatabase.CreateSchemaAsync(db, schema, statements);
        return await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", schema);
    }
}
