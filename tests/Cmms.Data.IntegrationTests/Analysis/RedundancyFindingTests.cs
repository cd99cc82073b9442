using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     Every redundancy rule of the conventions, applied by analyze to a live catalog: for each, a schema where it
///     removes an index and one where it must keep both. Each test builds its own schema in the class database.
/// </summary>
public sealed class RedundancyFindingTests(PostgresDatabaseFixture<RedundancyFindingTests> db)
    : IClassFixture<PostgresDatabaseFixture<RedundancyFindingTests>>
{
    [Fact]
    public async Task Partial_and_full_indexes_on_the_same_column_are_both_kept()
    {
        var keys = await AnalyzeAsync(
            "partial_vs_full",
            "CREATE TABLE t (id int PRIMARY KEY, a int, status text)",
            "CREATE INDEX ix_full ON t (a)",
            "CREATE INDEX ix_partial ON t (a) WHERE status <> 'closed'");

        keys.Should().BeEmpty();
    }

    [Fact]
    public async Task Partial_indexes_with_the_same_predicate_written_differently_are_duplicates()
    {
        var keys = await AnalyzeAsync(
            "same_predicate",
            "CREATE TABLE t (id int PRIMARY KEY, a int, status text)",
            "CREATE INDEX ix_open_a ON t (a) WHERE status <> 'closed'",
            "CREATE INDEX ix_open_b ON t (a) WHERE ((status)::text <> ('closed'::text))");

        keys.Should().BeEquivalentTo([new FindingKey("duplicate_index", "same_predicate.t", "ix_open_b", "ix_open_a")]);
    }

    [Fact]
    public async Task Gin_and_btree_indexes_on_the_same_column_are_both_kept()
    {
        var keys = await AnalyzeAsync(
            "gin_vs_btree",
            "CREATE TABLE t (id int PRIMARY KEY, doc jsonb)",
            "CREATE INDEX ix_doc_gin ON t USING gin (doc)",
            "CREATE INDEX ix_doc_btree ON t (doc)");

        keys.Should().BeEmpty();
    }

    [Fact]
    public async Task Gin_indexes_with_the_same_operator_class_are_duplicates_and_with_different_ones_are_kept()
    {
        var keys = await AnalyzeAsync(
            "gin_opclasses",
            "CREATE TABLE t (id int PRIMARY KEY, doc jsonb)",
            "CREATE INDEX ix_doc_a ON t USING gin (doc)",
            "CREATE INDEX ix_doc_b ON t USING gin (doc jsonb_ops)",
            "CREATE INDEX ix_doc_path ON t USING gin (doc jsonb_path_ops)");

        keys.Should().BeEquivalentTo([new FindingKey("duplicate_index", "gin_opclasses.t", "ix_doc_b", "ix_doc_a")]);
    }

    [Fact]
    public async Task Btree_indexes_with_different_operator_classes_or_collations_are_kept()
    {
        var keys = await AnalyzeAsync(
            "btree_opclasses",
            "CREATE TABLE t (id int PRIMARY KEY, code text)",
            "CREATE INDEX ix_code ON t (code)",
            "CREATE INDEX ix_code_pattern ON t (code text_pattern_ops)",
            "CREATE INDEX ix_code_c ON t (code COLLATE \"C\")");

        keys.Should().BeEmpty();
    }

    [Fact]
    public async Task Unique_single_column_index_is_kept_beside_a_non_unique_composite()
    {
        var keys = await AnalyzeAsync(
            "unique_vs_composite",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int)",
            "CREATE UNIQUE INDEX ux_a ON t (a)",
            "CREATE INDEX ix_a_b ON t (a, b)");

        keys.Should().BeEmpty();
    }

    [Fact]
    public async Task Non_unique_index_is_a_prefix_of_a_unique_composite()
    {
        var keys = await AnalyzeAsync(
            "prefix_of_unique",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int)",
            "CREATE INDEX ix_a ON t (a)",
            "CREATE UNIQUE INDEX ux_a_b ON t (a, b)");

        keys.Should().BeEquivalentTo([new FindingKey("redundant_index", "prefix_of_unique.t", "ix_a", "ux_a_b")]);
    }

    [Fact]
    public async Task Single_column_indexes_differing_only_in_direction_are_duplicates()
    {
        var keys = await AnalyzeAsync(
            "single_direction",
            "CREATE TABLE t (id int PRIMARY KEY, a int)",
            "CREATE INDEX ix_a ON t (a)",
            "CREATE INDEX ix_a_desc ON t (a DESC)");

        keys.Should().BeEquivalentTo([new FindingKey("duplicate_index", "single_direction.t", "ix_a_desc", "ix_a")]);
    }

    [Fact]
    public async Task Fully_reversed_composite_is_a_duplicate_and_mixed_direction_one_is_kept()
    {
        var keys = await AnalyzeAsync(
            "composite_direction",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int)",
            "CREATE INDEX ix_a_b ON t (a, b)",
            "CREATE INDEX ix_a_desc_b_desc ON t (a DESC, b DESC)",
            "CREATE INDEX ix_a_b_desc ON t (a, b DESC)");

        keys.Should().BeEquivalentTo([new FindingKey("duplicate_index", "composite_direction.t", "ix_a_desc_b_desc", "ix_a_b")]);
    }

    [Fact]
    public async Task Index_whose_include_column_is_a_key_of_a_longer_index_is_redundant()
    {
        var keys = await AnalyzeAsync(
            "include_covered",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int)",
            "CREATE INDEX ix_a_incl_b ON t (a) INCLUDE (b)",
            "CREATE INDEX ix_a_b ON t (a, b)");

        keys.Should().BeEquivalentTo([new FindingKey("redundant_index", "include_covered.t", "ix_a_incl_b", "ix_a_b")]);
    }

    [Fact]
    public async Task Index_with_an_include_column_the_longer_index_lacks_is_kept()
    {
        var keys = await AnalyzeAsync(
            "include_kept",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int)",
            "CREATE INDEX ix_a_incl_c ON t (a) INCLUDE (c)",
            "CREATE INDEX ix_a_b ON t (a, b)");

        keys.Should().BeEmpty();
    }

    [Fact]
    public async Task Unique_indexes_differing_in_nulls_distinctness_are_not_duplicates_but_the_plain_one_is_superseded_and_identical_ones_are_duplicates()
    {
        var keys = await AnalyzeAsync(
            "nulls_distinct",
            "CREATE TABLE t (id int PRIMARY KEY, a int, b int)",
            "CREATE UNIQUE INDEX ux_a ON t (a)",
            "CREATE UNIQUE INDEX ux_a_nnd ON t (a) NULLS NOT DISTINCT",
            "CREATE UNIQUE INDEX ux_b_1 ON t (b)",
            "CREATE UNIQUE INDEX ux_b_2 ON t (b)");

        keys.Should().BeEquivalentTo([
            new FindingKey("duplicate_index", "nulls_distinct.t", "ux_b_2", "ux_b_1"),
            new FindingKey("superseded_unique", "nulls_distinct.t", "ux_a", "ux_a_nnd"),
        ]);
    }

    [Fact]
    public async Task Indexes_on_primary_key_columns_are_a_duplicate_and_a_prefix_of_the_key()
    {
        var keys = await AnalyzeAsync(
            "of_primary_key",
            "CREATE TABLE t (id int PRIMARY KEY)",
            "CREATE INDEX ix_t_id ON t (id)",
            "CREATE TABLE pair (a int, b int, CONSTRAINT pair_pkey PRIMARY KEY (a, b))",
            "CREATE INDEX ix_pair_a ON pair (a)");

        keys.Should().BeEquivalentTo([
            new FindingKey("duplicate_index", "of_primary_key.t", "ix_t_id", "t_pkey"),
            new FindingKey("redundant_index", "of_primary_key.pair", "ix_pair_a", "pair_pkey"),
        ]);
    }

    [Fact]
    public async Task Plain_and_unique_indexes_on_a_unique_constraint_are_duplicates_of_the_constraint()
    {
        var keys = await AnalyzeAsync(
            "of_unique_constraint",
            "CREATE TABLE t (id int PRIMARY KEY, code text CONSTRAINT t_code_key UNIQUE)",
            "CREATE INDEX ix_code ON t (code)",
            "CREATE UNIQUE INDEX ux_code ON t (code)");

        keys.Should().BeEquivalentTo([
            new FindingKey("duplicate_index", "of_unique_constraint.t", "ix_code", "t_code_key"),
            new FindingKey("duplicate_index", "of_unique_constraint.t", "ux_code", "t_code_key"),
        ]);
    }

    [Fact]
    public async Task Unique_index_a_foreign_key_depends_on_is_not_reported_since_no_drop_could_remove_it()
    {
        var keys = await AnalyzeAsync(
            "referenced_unique",
            "CREATE TABLE t (id int PRIMARY KEY, code text)",
            "CREATE UNIQUE INDEX ux_code ON t (code)",
            "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code)",
            "CREATE TABLE r (id int PRIMARY KEY, code text CONSTRAINT r_code_fk REFERENCES t (code))",
            "CREATE INDEX ix_r_code ON r (code)");

        keys.Should().BeEmpty("r_code_fk references ux_code (the first matching unique index), so DROP INDEX ux_code would fail");
    }

    [Fact]
    public async Task Expression_indexes_written_alike_are_duplicates_and_differ_from_the_plain_column()
    {
        var keys = await AnalyzeAsync(
            "expressions",
            "CREATE TABLE t (id int PRIMARY KEY, email text)",
            "CREATE INDEX ix_lower_a ON t (lower(email))",
            "CREATE INDEX ix_lower_b ON t (LOWER( (email) ))",
            "CREATE INDEX ix_email ON t (email)");

        keys.Should().BeEquivalentTo([new FindingKey("duplicate_index", "expressions.t", "ix_lower_b", "ix_lower_a")]);
    }

    [Fact]
    public async Task Exclusion_constraint_index_is_never_reported_but_covers_a_duplicate()
    {
        var keys = await AnalyzeAsync(
            "exclusion",
            "CREATE TABLE booking (id int PRIMARY KEY, during tstzrange, CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&))",
            "CREATE INDEX ix_during ON booking USING gist (during)");

        keys.Should().BeEquivalentTo([new FindingKey("duplicate_index", "exclusion.booking", "ix_during", "booking_no_overlap")]);
    }

    [Fact]
    public async Task Duplicate_fix_drops_the_index_concurrently_with_safely_quoted_names()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            "Quoted Schema",
            "CREATE TABLE \"Order\" (id int PRIMARY KEY, \"select\" int)",
            "CREATE INDEX \"Ix Select\" ON \"Order\" (\"select\")",
            "CREATE INDEX \"ix\"\"odd\" ON \"Order\" (\"select\")");

        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "Quoted Schema");
        var duplicate = run.Findings.Should().ContainSingle(f => f.Kind == "duplicate_index").Which;
        duplicate.Key.Should().Be(new FindingKey("duplicate_index", "Quoted Schema.Order", "ix\"odd", "Ix Select"));
        duplicate.Fix.Should().Be("DROP INDEX CONCURRENTLY IF EXISTS \"Quoted Schema\".\"ix\"\"odd\";");

        await Sql.ExecuteAsync(db.ConnectionString, duplicate.Fix);
        (await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "Quoted Schema")).StructuralKeys.Should().BeEmpty();
    }

    private async Task<IReadOnlyList<FindingKey>> AnalyzeAsync(string schema, params string[] statements)
    {
        await AnalysisDatabase.CreateSchemaAsync(db, schema, statements);
        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", schema);
        return run.StructuralKeys;
    }
}
