using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     <c>fk_without_index</c>: a btree whose leading columns are exactly the foreign key's serves it (or a one-column hash
///     index, or a partial one excluding only NULLs: see <see cref="ForeignKeyPlanTests" />).
/// </summary>
public sealed class ForeignKeyFindingTests(PostgresDatabaseFixture<ForeignKeyFindingTests> db)
    : IClassFixture<PostgresDatabaseFixture<ForeignKeyFindingTests>>
{
    private const string Parent = "CREATE TABLE parent (id int PRIMARY KEY, code int, CONSTRAINT parent_id_code_key UNIQUE (id, code))";

    [Fact]
    public async Task Foreign_key_whose_only_index_is_partial_is_reported_with_the_reason()
    {
        var run = await AnalyzeAsync(
            "fk_partial",
            Parent,
            "CREATE TABLE child (id int PRIMARY KEY, parent_id int CONSTRAINT child_parent_fk REFERENCES parent, open boolean)",
            "CREATE INDEX ix_child_parent_open ON child (parent_id) WHERE open");

        var finding = run.StructuralFindings.Should().ContainSingle().Which;
        finding.Key.Should().Be(new FindingKey("fk_without_index", "fk_partial.child", "child_parent_fk"));
        finding.Detail.Should().Contain("(parent_id)").And.Contain("ix_child_parent_open is partial");
        finding.Fix.Should().Be("CREATE INDEX CONCURRENTLY ix_child_parent_id ON fk_partial.child (parent_id);");
    }

    [Fact]
    public async Task Foreign_key_that_is_the_second_column_of_a_composite_index_is_reported()
    {
        var run = await AnalyzeAsync(
            "fk_second",
            Parent,
            "CREATE TABLE child (id int PRIMARY KEY, kind int, parent_id int CONSTRAINT child_parent_fk REFERENCES parent)",
            "CREATE INDEX ix_child_kind_parent ON child (kind, parent_id)");

        run.StructuralKeys.Should().BeEquivalentTo([new FindingKey("fk_without_index", "fk_second.child", "child_parent_fk")]);
        run.StructuralFindings[0].Detail.Should().Contain("ix_child_kind_parent has them after other columns");
    }

    [Fact]
    public async Task Foreign_keys_with_only_an_expression_or_a_brin_index_are_reported()
    {
        var run = await AnalyzeAsync(
            "fk_not_btree",
            Parent,
            "CREATE TABLE child (id int PRIMARY KEY, a int CONSTRAINT child_a_fk REFERENCES parent, b int CONSTRAINT child_b_fk REFERENCES parent)",
            "CREATE INDEX ix_child_a_brin ON child USING brin (a)",
            "CREATE INDEX ix_child_b_expr ON child ((b + 0))");

        run.StructuralKeys.Should().BeEquivalentTo([
            new FindingKey("fk_without_index", "fk_not_btree.child", "child_a_fk"),
            new FindingKey("fk_without_index", "fk_not_btree.child", "child_b_fk"),
        ]);
        run.Findings.Single(f => f.Index == "child_a_fk").Detail.Should().Contain("ix_child_a_brin is a brin index");
    }

    [Fact]
    public async Task Foreign_keys_served_by_a_leading_index_a_reordered_composite_or_the_primary_key_are_not_reported()
    {
        var run = await AnalyzeAsync(
            "fk_served",
            Parent,
            "CREATE TABLE lead (id int PRIMARY KEY, parent_id int REFERENCES parent, at timestamptz)",
            "CREATE INDEX ix_lead_parent_at ON lead (parent_id, at DESC)",
            "CREATE TABLE composite (id int PRIMARY KEY, a int, b int, c int, FOREIGN KEY (a, b) REFERENCES parent (id, code))",
            "CREATE INDEX ix_composite_b_a_c ON composite (b, a, c)",
            "CREATE TABLE keyed (parent_id int REFERENCES parent, n int, PRIMARY KEY (parent_id, n))");

        run.StructuralKeys.Should().BeEmpty();
    }

    [Fact]
    public async Task Fix_creates_an_index_that_serves_the_foreign_key_even_when_the_default_name_is_taken()
    {
        var run = await AnalyzeAsync(
            "fk_fix",
            Parent,
            "CREATE TABLE child (id int PRIMARY KEY, parent_id int CONSTRAINT child_parent_fk REFERENCES parent, open boolean)",
            "CREATE INDEX ix_child_parent_id ON child (parent_id) WHERE open");

        var fix = run.StructuralFindings.Should().ContainSingle().Which.Fix;
        fix.Should().Be("CREATE INDEX CONCURRENTLY ix_child_parent_id1 ON fk_fix.child (parent_id);");
        await Sql.ExecuteAsync(db.ConnectionString, fix);

        (await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "fk_fix")).StructuralKeys.Should().BeEmpty();
    }

    private async Task<AnalyzeRun> AnalyzeAsync(string schema, params string[] statements)
    {
        await AnalysisDatabase.CreateSchemaAsync(db, schema, statements);
        return await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", schema);
    }
}
