using Cmms.Data.Analysis.Advice;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Tests.Analysis.Advice;

public sealed class CandidateDeriverTests
{
    // EXPLAIN (VERBOSE, FORMAT JSON) of "WHERE user_id = $1 AND is_active ORDER BY created_at DESC LIMIT $2", trimmed to what is read.
    private const string SortedLimitPlan = """
        [{"Plan": {"Node Type": "Limit", "Total Cost": 300.5, "Plans": [
          {"Node Type": "Sort", "Total Cost": 300.4, "Sort Key": ["o.created_at DESC"], "Plans": [
            {"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "public", "Alias": "o", "Total Cost": 290.0,
             "Filter": "((o.user_id = $1) AND o.is_active)"}]}]}}]
        """;

    private const string ContainmentPlan = """
        [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "machines", "Schema": "public", "Alias": "machines", "Total Cost": 24.2,
          "Filter": "((machines.attributes @> $1) AND (machines.search @@ websearch_to_tsquery('english'::regconfig, $2)))"}}]
        """;

    [Fact]
    public void A_sorted_limited_scan_asks_for_its_equality_columns_then_the_sort_keys_and_the_same_as_a_partial_index()
    {
        var candidates = CandidateDeriver.Derive(PlanNode.Parse(SortedLimitPlan), (_, _) => null).Select(c => c.Index.ToString());

        candidates.Should().Equal(
            " on public.orders USING btree (user_id, created_at DESC)",
            " on public.orders USING btree (user_id, created_at DESC) WHERE is_active",
            " on public.orders USING btree (user_id)",
            " on public.orders USING btree (user_id) WHERE is_active");
    }

    [Fact]
    public void The_columns_a_scan_reads_beyond_the_keys_make_covering_candidates_without_those_only_the_predicate_reads()
    {
        var plan = SortedLimitPlan.Replace("\"Alias\": \"o\",", "\"Alias\": \"o\", \"Output\": [\"o.id\", \"o.total\", \"o.created_at\"],", StringComparison.Ordinal);

        var candidates = CandidateDeriver.Derive(PlanNode.Parse(plan), (_, _) => null).Select(c => c.Index.ToString());

        candidates.Should().StartWith(
        [
            " on public.orders USING btree (user_id, created_at DESC)",
            " on public.orders USING btree (user_id, created_at DESC) INCLUDE (id, total, is_active)",
            " on public.orders USING btree (user_id, created_at DESC) WHERE is_active",
            " on public.orders USING btree (user_id, created_at DESC) INCLUDE (id, total) WHERE is_active",
        ]);
    }

    [Fact]
    public void A_scan_that_reads_the_whole_row_or_more_than_three_other_columns_gets_no_covering_candidate()
    {
        var wholeRow = SortedLimitPlan.Replace("\"Alias\": \"o\",", "\"Alias\": \"o\", \"Output\": [\"o.*\"],", StringComparison.Ordinal);
        var wide = SortedLimitPlan.Replace("\"Alias\": \"o\",", "\"Alias\": \"o\", \"Output\": [\"o.a\", \"o.b\", \"o.c\", \"o.d\"],", StringComparison.Ordinal);

        foreach (var plan in new[] { wholeRow, wide })
        {
            CandidateDeriver.Derive(PlanNode.Parse(plan), (_, _) => null).Should().OnlyContain(c => c.Index.IncludeColumns.Count == 0);
        }
    }

    [Fact]
    public void A_function_of_a_column_compared_with_a_parameter_asks_for_an_expression_index()
    {
        const string plan = """
            [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "users", "Schema": "public", "Alias": "u", "Output": ["u.id"],
              "Filter": "(lower((u.email)::text) = $1)"}}]
            """;

        var candidate = CandidateDeriver.Derive(PlanNode.Parse(plan), (_, _) => null).Should().ContainSingle().Subject;

        candidate.Index.KeyColumns.Should().Equal(new IndexKeyColumn("lower((email)::text)", IsExpression: true));
        candidate.Index.IncludeColumns.Should().BeEmpty("an expression key is not covered by its columns");
    }

    [Fact]
    public void Containment_asks_for_gin_with_jsonb_path_ops_for_jsonb_and_the_default_class_for_tsvector()
    {
        var types = new Dictionary<string, string> { ["attributes"] = "jsonb", ["search"] = "tsvector" };

        var candidates = CandidateDeriver.Derive(PlanNode.Parse(ContainmentPlan), (_, column) => types.GetValueOrDefault(column)).Select(c => c.Index.ToString());

        candidates.Should().Equal(
            " on public.machines USING gin (attributes jsonb_path_ops)",
            " on public.machines USING gin (search)");
    }

    [Fact]
    public void Containment_on_a_column_of_unknown_type_asks_for_nothing()
        => CandidateDeriver.Derive(PlanNode.Parse(ContainmentPlan), (_, _) => null).Should().BeEmpty();

    [Fact]
    public void Scans_of_system_catalogs_ask_for_nothing()
    {
        const string plan = """[{"Plan": {"Node Type": "Seq Scan", "Relation Name": "pg_class", "Schema": "pg_catalog", "Alias": "c", "Filter": "(c.relname = $1)"}}]""";

        var parsed = PlanNode.Parse(plan);

        CandidateDeriver.Derive(parsed, (_, _) => null).Should().BeEmpty();
        CandidateDeriver.ScannedTables(parsed).Should().BeEmpty();
    }

    [Fact]
    public void A_join_key_of_the_inner_table_is_a_candidate_of_its_own()
    {
        const string plan = """
            [{"Plan": {"Node Type": "Hash Join", "Hash Cond": "(i.user_id = u.id)", "Plans": [
              {"Node Type": "Seq Scan", "Relation Name": "user_interactions", "Schema": "public", "Alias": "i"},
              {"Node Type": "Hash", "Plans": [{"Node Type": "Index Scan", "Relation Name": "users", "Schema": "public", "Alias": "u", "Index Name": "pk_users", "Index Cond": "(u.id = $1)"}]}]}}]
            """;

        var candidates = CandidateDeriver.Derive(PlanNode.Parse(plan), (_, _) => null).Select(c => c.Index.ToString());

        candidates.Should().Contain(" on public.user_interactions USING btree (user_id)").And.Contain(" on public.users USING btree (id)");
    }

    [Fact]
    public void A_candidate_keeps_its_schema_and_table_apart_when_their_names_hold_dots()
    {
        const string plan = """[{"Plan": {"Node Type": "Seq Scan", "Relation Name": "c.d", "Schema": "a.b", "Alias": "x", "Filter": "(x.k = $1)"}}]""";

        var candidate = CandidateDeriver.Derive(PlanNode.Parse(plan), (_, _) => null).Should().ContainSingle().Subject;

        candidate.Table.Should().Be(new TableName("a.b", "c.d"), "the rule engine's key a.b.c.d could be split either way");
        candidate.Index.Table.Should().Be("a.b.c.d");
    }
}
