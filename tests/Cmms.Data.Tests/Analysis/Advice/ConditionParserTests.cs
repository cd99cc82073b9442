using Cmms.Data.Analysis.Advice;

namespace Cmms.Data.Tests.Analysis.Advice;

public sealed class ConditionParserTests
{
    [Fact]
    public void Reads_equalities_ranges_and_constant_conditions_of_one_alias_from_a_deparsed_filter()
    {
        var conjuncts = ConditionParser.Parse(
            "((o.user_id = $1) AND ((o.status)::text = 'approved'::text) AND (o.created_at >= $2) AND o.is_paid AND (NOT o.is_void) AND (o.kind <> 'test'::text) AND (o.id = ANY ($3)))",
            "o");

        conjuncts.Should().Equal(
            new Conjunct("user_id", ConjunctKind.Equality, "="),
            new Conjunct("status", ConjunctKind.Equality, "="),
            new Conjunct("created_at", ConjunctKind.Range, ">="),
            new Conjunct("is_paid", ConjunctKind.Constant, string.Empty, "is_paid"),
            new Conjunct("is_void", ConjunctKind.Constant, string.Empty, "NOT is_void"),
            new Conjunct("kind", ConjunctKind.Constant, "<>", "kind <> 'test'::text"),
            new Conjunct("id", ConjunctKind.Equality, "= ANY"));
    }

    [Fact]
    public void Reads_quoted_aliases_and_columns_and_join_keys_written_either_way()
    {
        ConditionParser.Parse("(\"Odd \"\"T\"\"\".\"Machine Id\" = m.id)", "Odd \"T\"")
            .Should().Equal(new Conjunct("Machine Id", ConjunctKind.Equality, "="));
        ConditionParser.Parse("(m.id = o.machine_id)", "o")
            .Should().Equal(new Conjunct("machine_id", ConjunctKind.Equality, "="));
    }

    [Fact]
    public void Leaves_out_a_filter_with_a_top_level_or_and_conditions_on_other_tables()
    {
        ConditionParser.Parse("((o.a = $1) OR (o.b = $2))", "o").Should().BeEmpty();
        ConditionParser.Parse("((u.a = $1) AND (o.b = $2))", "u").Should().Equal(new Conjunct("a", ConjunctKind.Equality, "="));
        ConditionParser.Parse("(o.a = o.b)", "o").Should().BeEmpty("comparing two columns of the row is no index condition");
    }

    [Fact]
    public void A_parameter_is_no_constant_and_a_literal_keeps_what_looks_like_a_qualifier()
    {
        ConditionParser.Parse("(o.kind <> $1)", "o").Should().BeEmpty();
        ConditionParser.Parse("(o.kind <> 'o.x'::text)", "o").Should().Equal(new Conjunct("kind", ConjunctKind.Constant, "<>", "kind <> 'o.x'::text"));
    }

    [Theory]
    [InlineData("o.created_at DESC", "created_at", true, null)]
    [InlineData("o.created_at", "created_at", false, null)]
    [InlineData("o.created_at DESC NULLS LAST", "created_at", true, false)]
    [InlineData("o.created_at NULLS FIRST", "created_at", false, true)]
    [InlineData("o.created_at DESC NULLS FIRST", "created_at", true, null)]
    public void Reads_sort_keys_with_their_direction_and_nulls_order(string key, string column, bool descending, bool? nullsFirst)
        => ConditionParser.ParseSortKey(key, "o").Should().Be((column, descending, nullsFirst));

    [Fact]
    public void A_sort_key_that_is_an_expression_or_of_another_table_is_not_a_column()
    {
        ConditionParser.ParseSortKey("(count(*)) DESC", "o").Should().BeNull();
        ConditionParser.ParseSortKey("u.created_at", "o").Should().BeNull();
    }

    [Fact]
    public void Reads_a_function_of_the_tables_columns_as_an_expression_key_but_not_one_that_mixes_in_a_parameter_or_another_table()
    {
        ConditionParser.Parse("(lower((u.email)::text) = $1)", "u")
            .Should().Equal(new Conjunct("lower((email)::text)", ConjunctKind.Equality, "=", IsExpression: true));
        ConditionParser.Parse("(date_trunc('day'::text, u.created_at) >= $1)", "u")
            .Should().Equal(new Conjunct("date_trunc('day'::text, created_at)", ConjunctKind.Range, ">=", IsExpression: true));
        ConditionParser.Parse("(lower(u.email || $2) = $1)", "u").Should().BeEmpty();
        ConditionParser.Parse("(lower(u.email || o.suffix) = $1)", "u").Should().BeEmpty();
        ConditionParser.Parse("(lower(o.email) = $1)", "u").Should().BeEmpty();
    }

    [Fact]
    public void Lists_the_columns_a_scan_reads_and_none_when_it_reads_the_whole_row_a_system_column_or_an_output_of_unknown_columns()
    {
        ConditionParser.ReferencedColumns(["o.id", "lower((o.\"E Mail\")::text)"], ["(o.user_id = $1)", "('o.x'::text = (o.id)::text)"], "o")
            .Should().Equal("id", "E Mail", "user_id");
        ConditionParser.ReferencedColumns(["name", "\"Machine Id\""], ["(people.team = $1)"], "people")
            .Should().Equal(["name", "Machine Id", "team"], "a statement on one table has its output unqualified");
        ConditionParser.ReferencedColumns(["o.*"], [], "o").Should().BeNull();
        ConditionParser.ReferencedColumns(["o.ctid", "o.id"], [], "o").Should().BeNull();
        ConditionParser.ReferencedColumns(["lower(email)"], [], "o").Should().BeNull();
    }
}
