using Cmms.Data.Conventions;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Tests.Conventions.Sqlite;

/// <summary>
///     The index conventions on a context configured with <c>UseSqlite</c> alone (no Npgsql provider): the features
///     SQLite has are judged exactly as on PostgreSQL.
/// </summary>
public class SqliteIndexPruningTests
{
    // Every feature here exists on both providers: keys, unique constraints, btree prefixes, partial indexes, DESC.
    private static void DeclareSharedFeatures(ModelBuilder mb)
    {
        var child = mb.Entity<Child>();
        child.HasIndex(c => c.Id, "ix_children_id");
        child.HasIndex(c => c.A, "ix_children_a");
        child.HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
        child.HasIndex(c => new { c.A, c.B, c.C }, "ix_children_a_b_c_desc").IsDescending(true, true, true);
        child.HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a_flagged").HasFilter("flag");
        child.HasIndex(c => c.C, "ix_children_c_allowed").AllowRedundant();
        child.HasIndex(c => new { c.C, c.D }, "ix_children_c_d");
        mb.Entity<Parent>().HasIndex(p => new { p.TenantId, p.Code }, "ux_parents_tenant_id_code").IsUnique();
    }

    [Fact]
    public void The_context_runs_on_SQLite_without_the_Npgsql_provider()
    {
        var options = new DbContextOptionsBuilder().UseSqlite("Data Source=unused.db").UseIndexConventions().Options;

        options.Extensions.Where(e => e.Info.IsDatabaseProvider).Select(e => e.GetType().Name)
            .Should().Equal("SqliteOptionsExtension");
        using var context = new ConventionTestContext(options, DeclareSharedFeaturesWithoutJson);
        context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes().Select(p => p.Name)
            .Should().Contain("ix_children_id");
    }

    [Fact]
    public void Removes_duplicates_of_keys_and_unique_constraints_and_btree_prefixes()
    {
        var model = ConventionTestContext.BuildModel(DeclareSharedFeatures, provider: TestProvider.Sqlite);

        model.GetPrunedIndexes().Should().BeEquivalentTo(
        [
            new PrunedIndex("ix_children_a", "children", ["a"], PrunedIndexReason.PrefixOfIndex, "ix_children_a_b_c_desc"),
            new PrunedIndex("ix_children_a_b", "children", ["a", "b"], PrunedIndexReason.PrefixOfIndex, "ix_children_a_b_c_desc"),
            new PrunedIndex("ix_children_id", "children", ["id"], PrunedIndexReason.DuplicateOfKey, "pk_children"),
            new PrunedIndex("ux_parents_tenant_id_code", "parents", ["tenant_id", "code"], PrunedIndexReason.DuplicateOfKey, "ak_parents_tenant_id_code"),
        ]);
    }

    [Fact]
    public void A_foreign_key_covered_only_by_a_partial_index_gets_a_full_index_and_AllowRedundant_is_kept()
    {
        var model = ConventionTestContext.BuildModel(DeclareSharedFeatures, provider: TestProvider.Sqlite);

        model.IndexNames<Child>().Should().Equal(
            "ix_children_a_b_c_desc", "ix_children_c_allowed", "ix_children_c_d", "ix_children_parent_id", "ix_children_parent_id_a_flagged");
        model.Index<Child>("ix_children_parent_id").Columns().Should().Equal("parent_id");
        model.Index<Child>("ix_children_parent_id").GetFilter().Should().BeNull();
    }

    [Fact]
    public void SQLite_and_PostgreSQL_make_the_same_decisions_on_features_both_have()
    {
        var onSqlite = ConventionTestContext.BuildModel(DeclareSharedFeatures, provider: TestProvider.Sqlite);
        var onPostgres = ConventionTestContext.BuildModel(DeclareSharedFeatures, provider: TestProvider.PostgreSql);

        onPostgres.GetPrunedIndexes().Should().HaveCount(4);
        onSqlite.GetPrunedIndexes().Should().BeEquivalentTo(onPostgres.GetPrunedIndexes(), o => o.WithStrictOrdering());
        onSqlite.IndexNames<Child>().Should().Equal(onPostgres.IndexNames<Child>());
        onSqlite.IndexNames<Parent>().Should().Equal(onPostgres.IndexNames<Parent>());
    }

    private static void DeclareSharedFeaturesWithoutJson(ModelBuilder mb)
    {
        mb.Entity<Child>().Ignore(c => c.Doc);
        DeclareSharedFeatures(mb);
    }
}
