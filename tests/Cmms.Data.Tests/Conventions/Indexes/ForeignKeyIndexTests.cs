using Cmms.Data.Conventions;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Tests.Conventions.Indexes;

public class ForeignKeyIndexTests
{
    [Fact]
    public void Creates_index_for_foreign_key_that_nothing_serves()
    {
        var model = ConventionTestContext.BuildModel(_ => { });

        model.IndexNames<Child>().Should().Equal("ix_children_parent_id");
        model.Index<Child>("ix_children_parent_id").Columns().Should().Equal("parent_id");
        model.GetPrunedIndexes().Should().BeEmpty();
    }

    [Fact]
    public void Without_a_naming_convention_foreign_key_indexes_get_EF_Cores_default_names()
    {
        var model = ConventionTestContext.BuildModel(_ => { }, snakeCaseNames: false);

        model.IndexNames<Child>().Should().Equal("IX_children_ParentId");
        model.Index<Child>("IX_children_ParentId").Columns().Should().Equal("ParentId");
    }

    [Fact]
    public void Without_a_naming_convention_a_covered_foreign_key_is_reported_under_EF_Cores_default_name()
    {
        var model = ConventionTestContext.BuildModel(
            mb => mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "IX_children_ParentId_A"),
            snakeCaseNames: false);

        model.IndexNames<Child>().Should().Equal("IX_children_ParentId_A");
        model.GetPrunedIndexes().Should().ContainSingle().Which.Should().BeEquivalentTo(new PrunedIndex(
            "IX_children_ParentId", "children", ["ParentId"], PrunedIndexReason.ForeignKeyCovered, "IX_children_ParentId_A"));
    }

    [Fact]
    public void Does_not_create_index_when_a_declared_composite_leads_with_the_foreign_key()
    {
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a"));

        model.IndexNames<Child>().Should().Equal("ix_children_parent_id_a");
        model.GetPrunedIndexes().Should().ContainSingle().Which.Should().BeEquivalentTo(new PrunedIndex(
            "ix_children_parent_id", "children", ["parent_id"], PrunedIndexReason.ForeignKeyCovered, "ix_children_parent_id_a"));
    }

    [Fact]
    public void Creates_index_for_foreign_key_covered_only_by_a_partial_index()
    {
        // dotnet/efcore#24237: EF Core's own convention drops the foreign key index here.
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a_flagged").HasFilter("flag"));

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_parent_id", "ix_children_parent_id_a_flagged"]);
        model.Index<Child>("ix_children_parent_id").GetFilter().Should().BeNull();
    }

    [Fact]
    public void Creates_index_for_foreign_key_whose_only_index_is_a_partial_index_on_the_same_column()
    {
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Child>().HasIndex(c => c.ParentId, "ix_children_parent_id_flagged").HasFilter("flag"));

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_parent_id", "ix_children_parent_id_flagged"]);
        model.Index<Child>("ix_children_parent_id_flagged").GetFilter().Should().Be("flag");
    }

    [Fact]
    public void Creates_index_for_foreign_key_covered_only_by_a_gin_index()
    {
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a_gin").HasMethod("gin"));

        model.IndexNames<Child>().Should().Contain("ix_children_parent_id");
    }

    [Fact]
    public void Creates_index_for_foreign_key_that_is_the_second_column_of_a_composite()
    {
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Child>().HasIndex(c => new { c.A, c.ParentId }, "ix_children_a_parent_id"));

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_a_parent_id", "ix_children_parent_id"]);
    }

    [Fact]
    public void Composite_foreign_key_is_served_by_an_index_leading_with_its_columns_in_another_order()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>()
                .HasOne<Parent>().WithMany()
                .HasForeignKey(c => new { c.TenantId, c.ParentCode })
                .HasPrincipalKey(p => new { p.TenantId, p.Code });
            mb.Entity<Child>().HasIndex(c => new { c.ParentCode, c.TenantId, c.A }, "ix_children_parent_code_tenant_id_a");
        });

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_parent_code_tenant_id_a", "ix_children_parent_id"]);
        model.GetPrunedIndexes().Should().ContainSingle().Which.Should().BeEquivalentTo(new PrunedIndex(
            "ix_children_tenant_id_parent_code",
            "children",
            ["tenant_id", "parent_code"],
            PrunedIndexReason.ForeignKeyCovered,
            "ix_children_parent_code_tenant_id_a"));
    }

    [Fact]
    public void Composite_foreign_key_gets_an_index_when_an_index_leads_with_only_one_of_its_columns()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>()
                .HasOne<Parent>().WithMany()
                .HasForeignKey(c => new { c.TenantId, c.ParentCode })
                .HasPrincipalKey(p => new { p.TenantId, p.Code });
            mb.Entity<Child>().HasIndex(c => new { c.TenantId, c.A, c.ParentCode }, "ix_children_tenant_id_a_parent_code");
        });

        model.IndexNames<Child>().Should().Contain("ix_children_tenant_id_parent_code");
        model.Index<Child>("ix_children_tenant_id_parent_code").Columns().Should().Equal("tenant_id", "parent_code");
    }

    [Fact]
    public void Foreign_key_index_survives_when_the_declared_index_that_served_it_is_pruned_in_favour_of_a_longer_one()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.ParentId, "ix_children_parent_id_declared");
            mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.B }, "ix_children_parent_id_b");
        });

        model.IndexNames<Child>().Should().Equal("ix_children_parent_id_b");
        model.GetPrunedIndexes().Select(p => (p.Name, p.Reason, p.CoveredBy)).Should().BeEquivalentTo(
        [
            ("ix_children_parent_id", PrunedIndexReason.ForeignKeyCovered, "ix_children_parent_id_b"),
            ("ix_children_parent_id_declared", PrunedIndexReason.PrefixOfIndex, "ix_children_parent_id_b"),
        ]);
    }

    [Fact]
    public void Declared_index_on_exactly_the_foreign_key_columns_is_its_index_and_nothing_is_pruned()
    {
        var model = ConventionTestContext.BuildModel(mb => mb.Entity<Child>().HasIndex(c => c.ParentId, "ix_children_parent_id"));

        model.IndexNames<Child>().Should().Equal("ix_children_parent_id");
        model.Index<Child>("ix_children_parent_id").GetFilter().Should().BeNull();
        model.GetPrunedIndexes().Should().BeEmpty();
    }

    [Fact]
    public void Foreign_key_gets_a_full_index_when_a_partial_index_already_has_its_default_name()
    {
        var model = ConventionTestContext.BuildModel(mb =>
            mb.Entity<Child>().HasIndex(c => c.ParentId, "ix_children_parent_id").HasFilter("flag"));

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_parent_id", "ix_children_parent_id1"]);
        model.Index<Child>("ix_children_parent_id").GetFilter().Should().Be("flag");
        model.Index<Child>("ix_children_parent_id1").GetFilter().Should().BeNull();
        model.Index<Child>("ix_children_parent_id1").Columns().Should().Equal("parent_id");
    }

    [Fact]
    public void Pruned_foreign_key_index_never_takes_the_name_of_an_index_that_stays()
    {
        var model = ConventionTestContext.BuildModel(mb =>
        {
            mb.Entity<Child>().HasIndex(c => c.ParentId, "ix_children_parent_id").HasFilter("flag");
            mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a");
        });

        var remaining = model.IndexNames<Child>();
        remaining.Should().BeEquivalentTo(["ix_children_parent_id", "ix_children_parent_id_a"]);
        model.GetPrunedIndexes().Should().ContainSingle().Which.Should().BeEquivalentTo(new PrunedIndex(
            "ix_children_parent_id1", "children", ["parent_id"], PrunedIndexReason.ForeignKeyCovered, "ix_children_parent_id_a"));
        model.GetPrunedIndexes().Select(p => p.Name).Should().NotIntersectWith(remaining);
    }
}
