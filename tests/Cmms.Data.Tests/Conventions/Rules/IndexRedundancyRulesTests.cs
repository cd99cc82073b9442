using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Tests.Conventions.Rules;

public class IndexRedundancyRulesTests
{
    private static IndexDefinition Index(string name, params string[] columns)
        => new() { Table = "public.t", Name = name, KeyColumns = columns.Select(c => new IndexKeyColumn(c)).ToList() };

    private static IReadOnlyList<string> RedundantNames(params IndexDefinition[] indexes)
        => IndexRedundancyRules.FindRedundant(indexes).Select(r => r.Index.Name).ToList();

    [Fact]
    public void Predicates_written_with_different_quoting_and_parentheses_cover_each_other()
    {
        var written = Index("ix_open", "a") with { Predicate = "status <> 'closed'" };
        var rewritten = Index("ix_open_b", "a", "b") with { Predicate = "(\"status\" <>  'closed')" };

        IndexRedundancyRules.Covers(rewritten, written).Should().Be(PrunedIndexReason.PrefixOfIndex);
    }

    [Fact]
    public void Casts_in_expressions_and_predicates_are_significant()
    {
        IndexDefinition Expression(string name, string text) => Index(name, "x") with { KeyColumns = [new IndexKeyColumn(text, IsExpression: true)] };
        var whole = Index("ix_whole", "id") with { Predicate = "((v)::integer = 1)" };
        var exact = Index("ix_exact", "id") with { Predicate = "(v = (1)::numeric)" };

        RedundantNames(Expression("ix_v_int", "(v)::integer"), Expression("ix_v_bigint", "(v)::bigint")).Should().BeEmpty();
        RedundantNames(whole, exact).Should().BeEmpty();
        RedundantNames(Expression("ix_a", "(v)::integer"), Expression("ix_b", "((v)::integer)")).Should().Equal("ix_b");
    }

    [Fact]
    public void Predicates_that_differ_in_a_literal_do_not_cover()
    {
        var open = Index("ix_open", "a") with { Predicate = "status <> 'closed'" };
        var other = Index("ix_other", "a", "b") with { Predicate = "status <> 'Closed'" };

        IndexRedundancyRules.Covers(other, open).Should().BeNull();
    }

    [Fact]
    public void Indexes_of_different_tables_never_cover_each_other()
    {
        var a = Index("ix_a", "a");
        var b = Index("ix_b", "a") with { Table = "public.other" };

        RedundantNames(a, b).Should().BeEmpty();
    }

    [Fact]
    public void Nulls_first_differs_from_the_default_order()
    {
        var nullsFirst = Index("ix_nulls_first", "a") with { KeyColumns = [new IndexKeyColumn("a", NullsFirst: true)] };
        var plain = Index("ix_plain", "a");
        var reversed = Index("ix_reversed", "a") with { KeyColumns = [new IndexKeyColumn("a", Descending: true, NullsFirst: false)] };

        IndexRedundancyRules.Covers(plain, nullsFirst).Should().BeNull();
        IndexRedundancyRules.Covers(reversed, nullsFirst).Should().Be(PrunedIndexReason.DuplicateOfIndex);
    }

    [Fact]
    public void Different_collations_do_not_cover()
    {
        var c = Index("ix_c", "name") with { KeyColumns = [new IndexKeyColumn("name", Collation: "C")] };
        var plain = Index("ix_plain", "name", "b");

        IndexRedundancyRules.Covers(plain, c).Should().BeNull();
        IndexRedundancyRules.Covers(c, Index("ix_p", "name")).Should().BeNull();
    }

    [Fact]
    public void Expression_keys_compare_by_normalized_text()
    {
        var lower = Index("ix_lower", "x") with { KeyColumns = [new IndexKeyColumn("lower(email)", IsExpression: true)] };
        var lowerDeparsed = Index("ix_lower_2", "x") with { KeyColumns = [new IndexKeyColumn("LOWER((\"email\"))", IsExpression: true)] };
        var column = Index("ix_email", "email");

        RedundantNames(lower, lowerDeparsed, column).Should().Equal("ix_lower_2");
    }

    [Fact]
    public void Exact_duplicates_keep_primary_key_then_unique_constraint_then_unique_index_then_declared_index()
    {
        var pk = Index("pk_t", "id") with { Kind = IndexKind.PrimaryKey, IsUnique = true };
        var uniqueConstraint = Index("ak_t_id", "id") with { Kind = IndexKind.UniqueConstraint, IsUnique = true };
        var uniqueIndex = Index("a_ux_t_id", "id") with { IsUnique = true };
        var declared = Index("a_ix_t_id", "id");
        var byConvention = Index("a_convention", "id") with { IsDeclared = false };

        var redundant = IndexRedundancyRules.FindRedundant([byConvention, declared, uniqueIndex, uniqueConstraint, pk]);

        redundant.Select(r => (r.Index.Name, r.CoveredBy.Name, r.Reason)).Should().BeEquivalentTo(
        [
            ("a_convention", "pk_t", PrunedIndexReason.DuplicateOfKey),
            ("a_ix_t_id", "pk_t", PrunedIndexReason.DuplicateOfKey),
            ("a_ux_t_id", "pk_t", PrunedIndexReason.DuplicateOfKey),
        ]);
    }

    [Fact]
    public void A_unique_constraint_is_never_reported_even_when_it_duplicates_the_primary_key()
    {
        var pk = Index("pk_t", "id") with { Kind = IndexKind.PrimaryKey, IsUnique = true };
        var uniqueConstraint = Index("uq_t_id", "id") with { Kind = IndexKind.UniqueConstraint, IsUnique = true };

        RedundantNames(pk, uniqueConstraint).Should().BeEmpty();
    }

    [Fact]
    public void A_unique_index_is_covered_only_by_a_unique_index_on_exactly_its_columns()
    {
        var unique = Index("ux_a", "a") with { IsUnique = true };

        IndexRedundancyRules.Covers(Index("ux_a_b", "a", "b") with { IsUnique = true }, unique).Should().BeNull();
        IndexRedundancyRules.Covers(Index("ix_a", "a"), unique).Should().BeNull();
        IndexRedundancyRules.Covers(Index("ux_a2", "a") with { IsUnique = true }, unique).Should().Be(PrunedIndexReason.DuplicateOfIndex);
        IndexRedundancyRules.Covers(Index("ux_a3", "a") with { IsUnique = true, NullsNotDistinct = true }, unique).Should().BeNull();
    }

    [Fact]
    public void Removed_index_is_reported_with_a_cover_that_is_kept()
    {
        var a = Index("ix_a", "a");
        var ab = Index("ix_a_b", "a", "b");
        var abc = Index("ix_a_b_c", "a", "b", "c");

        IndexRedundancyRules.FindRedundant([a, ab, abc]).Select(r => (r.Index.Name, r.CoveredBy.Name))
            .Should().BeEquivalentTo([("ix_a", "ix_a_b_c"), ("ix_a_b", "ix_a_b_c")]);
    }

    [Fact]
    public void Foreign_key_is_served_by_a_key_or_full_btree_leading_with_its_columns_only()
    {
        IReadOnlyCollection<string> fk = ["a", "b"];

        IndexRedundancyRules.ServesForeignKey(Index("ix_b_a_c", "b", "a", "c"), fk).Should().BeTrue();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_c_b", "a", "c", "b"), fk).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a", "a"), fk).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b_partial", "a", "b") with { Predicate = "x" }, fk).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b_gin", "a", "b") with { Method = "gin" }, fk).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(
            Index("ix_expr", "a") with { KeyColumns = [new IndexKeyColumn("a", IsExpression: true), new IndexKeyColumn("b")] }, fk)
            .Should().BeFalse();
    }

    [Fact]
    public void Foreign_key_index_prefers_a_key_then_the_shortest_index()
    {
        var pk = Index("pk_t", "a", "b", "z") with { Kind = IndexKind.PrimaryKey, IsUnique = true };
        var shortest = Index("ix_a_b", "a", "b");
        var longer = Index("ix_a_b_c", "a", "b", "c");

        IndexRedundancyRules.FindForeignKeyIndex([longer, shortest, pk], ["a", "b"])!.Name.Should().Be("pk_t");
        IndexRedundancyRules.FindForeignKeyIndex([longer, shortest], ["a", "b"])!.Name.Should().Be("ix_a_b");
        IndexRedundancyRules.FindForeignKeyIndex([longer], ["c"]).Should().BeNull();
    }

    [Fact]
    public void Foreign_key_mismatch_names_the_first_reason_an_index_does_not_serve_it()
    {
        IReadOnlyCollection<string> fk = ["a"];

        IndexRedundancyRules.ExplainForeignKeyMismatch(Index("ix_a_partial", "a") with { Predicate = "x" }, fk).Should().Be(ForeignKeyIndexMismatch.Partial);
        IndexRedundancyRules.ExplainForeignKeyMismatch(Index("ix_a_gin", "a") with { Method = "gin" }, fk).Should().Be(ForeignKeyIndexMismatch.NotBtree);
        IndexRedundancyRules.ExplainForeignKeyMismatch(
            Index("ix_expr", "a") with { KeyColumns = [new IndexKeyColumn("lower(a)", IsExpression: true)] }, fk).Should().Be(ForeignKeyIndexMismatch.LeadsWithExpression);
        IndexRedundancyRules.ExplainForeignKeyMismatch(Index("ix_b_a", "b", "a"), fk).Should().Be(ForeignKeyIndexMismatch.OtherLeadingColumns);
        IndexRedundancyRules.ExplainForeignKeyMismatch(Index("ix_a_b", "a", "b"), fk).Should().BeNull();
    }

    [Fact]
    public void Foreign_key_is_served_by_a_partial_index_excluding_only_its_nulls_a_one_column_hash_and_never_another_collation()
    {
        IReadOnlyCollection<string> ab = ["a", "b"];
        IReadOnlyCollection<string> a = ["a"];

        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b", "a", "b") with { Predicate = "(a IS NOT NULL)" }, ab).Should().BeTrue();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b", "a", "b") with { Predicate = "\"a\" IS NOT NULL AND (b IS NOT NULL)" }, ab).Should().BeTrue();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b", "a", "b") with { Predicate = "a IS NOT NULL OR b IS NOT NULL" }, ab).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b", "a", "b") with { Predicate = "c IS NOT NULL" }, ab).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_b", "a", "b") with { Predicate = "a IS NULL" }, ab).Should().BeFalse();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_hash", "a") with { Method = "hash" }, a).Should().BeTrue();
        IndexRedundancyRules.ServesForeignKey(Index("ix_a_hash", "a") with { Method = "hash" }, ab).Should().BeFalse();
        IndexRedundancyRules.ExplainForeignKeyMismatch(Index("ix_a_c", "a") with { KeyColumns = [new IndexKeyColumn("a", Collation: "C")] }, a)
            .Should().Be(ForeignKeyIndexMismatch.OtherCollation);
    }
}
