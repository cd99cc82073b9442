using Cmms.Data.Conventions;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Tests.Conventions.Indexes;

public class RedundantIndexPruningTests
{
    [Fact]
    public void Removes_index_that_duplicates_the_primary_key()
    {
        var model = ConventionTestContext.BuildModel(mb => mb.Entity<Child>().HasIndex(c => c.Id, "ix_children_id"));

        model.IndexNames<Child>().Should().NotContain("ix_children_id");
        model.GetPrunedIndexes().Should().ContainEquivalentOf(
            new PrunedIndex("ix_children_id", "children", ["id"], PrunedIndexReason.DuplicateOfKey, "pk_children"));
    }

    [Fact]
    public void Removes_index_that_duplicates_an_alternate_key()
    {
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Parent>().HasIndex(p => new { p.TenantId, p.Code }, "ix_parents_tenant_id_code"));

        model.IndexNames<Parent>().Should().BeEmpty();
        model.GetPrunedIndexes().Should().ContainSingle(p => p.Name == "ix_parents_tenant_id_code")
            .Which.Should().BeEquivalentTo(new PrunedIndex(
                "ix_parents_tenant_id_code", "parents", ["tenant_id", "code"], PrunedIndexReason.DuplicateOfKey, "ak_parents_tenant_id_code"));
    }

    [Fact]
    public void Removes_prefix_of_the_primary_key_as_prefix_of_key()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Parent>().HasIndex(p => p.TenantId, "ix_parents_tenant_id");
        });

        model.GetPrunedIndexes().Should().ContainSingle(p => p.Name == "ix_parents_tenant_id")
            .Which.Should().BeEquivalentTo(new PrunedIndex(
                "ix_parents_tenant_id", "parents", ["tenant_id"], PrunedIndexReason.PrefixOfKey, "ak_parents_tenant_id_code"));
    }

    [Fact]
    public void Removes_leading_prefix_of_a_composite_index()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            var child = mb.Entity<Child>();
            child.HasIndex(c => c.A, "ix_children_a");
            child.HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
            child.HasIndex(c => new { c.A, c.B, c.C }, "ix_children_a_b_c");
        });

        model.IndexNames<Child>().Should().Contain("ix_children_a_b_c").And.NotContain(["ix_children_a", "ix_children_a_b"]);
        model.GetPrunedIndexes().Where(p => p.Table == "children" && p.Reason == PrunedIndexReason.PrefixOfIndex)
            .Select(p => (p.Name, p.CoveredBy))
            .Should().BeEquivalentTo([("ix_children_a", "ix_children_a_b_c"), ("ix_children_a_b", "ix_children_a_b_c")]);
    }

    [Fact]
    public void Keeps_index_whose_columns_are_not_a_leading_prefix()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.B, "ix_children_b");
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_b", "ix_children_a_b"]);
    }

    [Fact]
    public void Keeps_full_index_beside_partial_index_on_the_same_column()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a");
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b_flagged").HasFilter("flag");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_a", "ix_children_a_b_flagged"]);
        model.GetPrunedIndexes().Should().NotContain(p => p.Table == "children" && p.Reason != PrunedIndexReason.ForeignKeyCovered);
    }

    [Fact]
    public void Removes_partial_index_duplicated_by_one_with_the_same_predicate_written_differently()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_open").HasFilter("d <> 'closed'");
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b_open").HasFilter("(\"d\" <>  'closed')");
        });

        model.IndexNames<Child>().Should().Contain("ix_children_a_b_open").And.NotContain("ix_children_a_open");
    }

    [Fact]
    public void Keeps_gin_and_btree_indexes_on_the_same_column()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.Doc, "ix_children_doc_gin").HasMethod("gin");
            mb.Entity<Child>().HasIndex(c => new { c.D }, "ix_children_d");
            mb.Entity<Child>().HasIndex(c => c.Doc, "ix_children_doc_btree");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_doc_gin", "ix_children_doc_btree"]);
    }

    [Fact]
    public void Keeps_gin_indexes_with_different_operator_classes()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.Doc, "ix_children_doc_path").HasMethod("gin").HasOperators("jsonb_path_ops");
            mb.Entity<Child>().HasIndex(c => c.Doc, "ix_children_doc_ops").HasMethod("gin");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_doc_path", "ix_children_doc_ops"]);
    }

    [Fact]
    public void Removes_exact_duplicate_gin_index_and_keeps_the_name_that_sorts_first()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.Doc, "ix_children_doc_b").HasMethod("gin").HasOperators("jsonb_path_ops");
            mb.Entity<Child>().HasIndex(c => c.Doc, "ix_children_doc_a").HasMethod("gin").HasOperators("jsonb_path_ops");
        });

        model.IndexNames<Child>().Should().Contain("ix_children_doc_a").And.NotContain("ix_children_doc_b");
        model.GetPrunedIndexes().Should().ContainSingle(p => p.Name == "ix_children_doc_b")
            .Which.Reason.Should().Be(PrunedIndexReason.DuplicateOfIndex);
    }

    [Fact]
    public void Keeps_gin_index_whose_columns_are_a_prefix_of_another_gin_index()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_gin").HasMethod("gin");
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b_gin").HasMethod("gin");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_a_gin", "ix_children_a_b_gin"]);
    }

    [Fact]
    public void Keeps_unique_index_beside_a_longer_non_unique_index()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ux_children_a").IsUnique();
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
        });

        model.IndexNames<Child>().Should().Contain(["ux_children_a", "ix_children_a_b"]);
    }

    [Fact]
    public void Removes_non_unique_prefix_of_a_unique_index()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a");
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ux_children_a_b").IsUnique();
        });

        model.IndexNames<Child>().Should().Contain("ux_children_a_b").And.NotContain("ix_children_a");
    }

    [Fact]
    public void Keeps_the_unique_index_when_a_non_unique_index_duplicates_it()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a");
            mb.Entity<Child>().HasIndex(c => c.A, "ux_children_a").IsUnique();
        });

        model.IndexNames<Child>().Should().Contain("ux_children_a").And.NotContain("ix_children_a");
        model.GetPrunedIndexes().Should().ContainSingle(p => p.Name == "ix_children_a")
            .Which.Should().BeEquivalentTo(new PrunedIndex(
                "ix_children_a", "children", ["a"], PrunedIndexReason.DuplicateOfIndex, "ux_children_a"));
    }

    [Fact]
    public void Keeps_unique_indexes_that_treat_nulls_differently()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.D, "ux_children_d").IsUnique();
            mb.Entity<Child>().HasIndex(c => c.D, "ux_children_d_nulls_not_distinct").IsUnique().AreNullsDistinct(false);
        });

        model.IndexNames<Child>().Should().Contain(["ux_children_d", "ux_children_d_nulls_not_distinct"]);
    }

    [Fact]
    public void Removes_ascending_index_duplicated_by_a_descending_one_on_a_single_column()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_desc").IsDescending();
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_zasc");
        });

        model.IndexNames<Child>().Should().Contain("ix_children_a_desc").And.NotContain("ix_children_a_zasc");
    }

    [Fact]
    public void Keeps_indexes_whose_mixed_sort_orders_are_neither_equal_nor_reversed()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b_desc").IsDescending(false, true);
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_a_b_desc", "ix_children_a_b"]);
    }

    [Fact]
    public void Removes_index_whose_sort_orders_are_all_reversed()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b_both_desc").IsDescending(true, true);
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b_desc").IsDescending(false, true);
        });

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_a_b", "ix_children_a_b_desc", "ix_children_parent_id"]);
        model.GetPrunedIndexes().Should().ContainSingle(p => p.Name == "ix_children_a_b_both_desc")
            .Which.CoveredBy.Should().Be("ix_children_a_b");
    }

    [Fact]
    public void Keeps_index_whose_include_columns_the_other_index_lacks()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_incl_c").IncludeProperties(c => c.C);
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_a_incl_c", "ix_children_a_b"]);
    }

    [Fact]
    public void Removes_index_whose_include_columns_are_keys_of_the_other_index()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_incl_b").IncludeProperties(c => c.B);
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
            mb.Entity<Child>().HasIndex(c => c.C, "ix_children_c");
            mb.Entity<Child>().HasIndex(c => c.C, "ix_children_c_incl_d").IncludeProperties(c => new { c.D });
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_a_b", "ix_children_c_incl_d"])
            .And.NotContain(["ix_children_a_incl_b", "ix_children_c"]);
    }

    [Fact]
    public void Keeps_redundant_index_marked_allow_redundant()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a").AllowRedundant();
            mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
        });

        model.IndexNames<Child>().Should().Contain(["ix_children_a", "ix_children_a_b"]);
        model.Index<Child>("ix_children_a").GetAllowRedundant().Should().BeTrue();
        model.GetPrunedIndexes().Should().NotContain(p => p.Name == "ix_children_a");
    }

    [Fact]
    public void Keeps_every_declared_index_without_the_index_conventions()
    {
        var model = ConventionTestContext.BuildModel(
            mb =>
            {
                mb.Entity<Child>().HasIndex(c => c.Id, "ix_children_id");
                mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a");
                mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
            },
            indexConventions: false);

        model.IndexNames<Child>().Should().Contain(["ix_children_id", "ix_children_a", "ix_children_a_b"]);
        model.GetPrunedIndexes().Should().BeEmpty();
    }
}
