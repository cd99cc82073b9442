using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Cmms.Data.Tests.Conventions.Sqlite;

/// <summary>
///     PostgreSQL-only index features declared on a SQLite model: one warning each, and the rules judge the index as
///     SQLite builds it.
/// </summary>
public class SqliteUnsupportedIndexFeatureTests
{
    private const string IncludeWarning =
        "The index 'ix_children_a_with_b' on table 'children' declares INCLUDE (b), which SQLite does not build: "
        + "the index is built on its key columns alone, and the index rules judge it so. Declare it only when the provider is PostgreSQL.";

    private static void DeclareUniqueAndIncludeTwin(ModelBuilder mb)
    {
        mb.Entity<Child>().HasIndex(c => c.A, "ux_children_a").IsUnique();
        mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a_with_b").IncludeProperties(c => c.B);
    }

    [Fact]
    public void An_index_that_differed_only_by_INCLUDE_is_a_duplicate_on_SQLite_and_says_why()
    {
        var log = new CapturingLoggerFactory();

        var onSqlite = ConventionTestContext.BuildModel(DeclareUniqueAndIncludeTwin, loggerFactory: log, provider: TestProvider.Sqlite);
        var onPostgres = ConventionTestContext.BuildModel(DeclareUniqueAndIncludeTwin);

        onPostgres.GetPrunedIndexes().Should().BeEmpty("PostgreSQL answers index-only scans of b from the INCLUDE index");
        onSqlite.GetPrunedIndexes().Should().BeEquivalentTo(
            [new PrunedIndex("ix_children_a_with_b", "children", ["a"], PrunedIndexReason.DuplicateOfIndex, "ux_children_a")]);
        log.Entries.Where(e => e.EventId.Id == CmmsEventId.UnsupportedIndexFeature.Id)
            .Should().ContainSingle().Which.Should().Match<CapturingLoggerFactory.LogEntry>(e =>
                e.Level == LogLevel.Warning && e.Message == IncludeWarning);
    }

    [Fact]
    public void A_GIN_index_is_a_btree_on_SQLite_so_it_serves_the_foreign_key_and_covers_its_prefix()
    {
        static void Declare(ModelBuilder mb)
        {
            mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a_gin").HasMethod("gin");
            mb.Entity<Child>().HasIndex(c => c.ParentId, "ix_children_parent_id_btree");
        }

        var onSqlite = ConventionTestContext.BuildModel(Declare, provider: TestProvider.Sqlite);
        var onPostgres = ConventionTestContext.BuildModel(Declare);

        onPostgres.IndexNames<Child>().Should().Equal("ix_children_parent_id_a_gin", "ix_children_parent_id_btree");
        onSqlite.IndexNames<Child>().Should().Equal("ix_children_parent_id_a_gin");
        onSqlite.GetPrunedIndexes().Should().BeEquivalentTo(
        [
            new PrunedIndex("ix_children_parent_id", "children", ["parent_id"], PrunedIndexReason.ForeignKeyCovered, "ix_children_parent_id_a_gin"),
            new PrunedIndex("ix_children_parent_id_btree", "children", ["parent_id"], PrunedIndexReason.PrefixOfIndex, "ix_children_parent_id_a_gin"),
        ]);
    }

    [Fact]
    public void A_NULLS_NOT_DISTINCT_unique_index_is_a_duplicate_of_the_unique_constraint_on_SQLite()
    {
        static void Declare(ModelBuilder mb)
            => mb.Entity<Parent>().HasIndex(p => new { p.TenantId, p.Code }, "ux_parents_nnd").IsUnique().AreNullsDistinct(false);

        ConventionTestContext.BuildModel(Declare).GetPrunedIndexes().Should().BeEmpty();
        ConventionTestContext.BuildModel(Declare, provider: TestProvider.Sqlite).GetPrunedIndexes().Should().BeEquivalentTo(
            [new PrunedIndex("ux_parents_nnd", "parents", ["tenant_id", "code"], PrunedIndexReason.DuplicateOfKey, "ak_parents_tenant_id_code")]);
    }

    [Fact]
    public void Every_unsupported_feature_is_one_warning_saying_what_SQLite_builds_instead()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(
            mb =>
            {
                mb.Entity<Child>().HasIndex(c => new { c.D, c.B }, "ix_children_d_b")
                    .HasMethod("brin").HasOperators("text_pattern_ops").HasNullSortOrder(NullSortOrder.NullsFirst).UseCollation("C");
                mb.Entity<Child>().HasIndex(c => c.D, "ux_children_d").IsUnique().AreNullsDistinct(false);
                mb.Entity<Child>().HasIndex(c => c.D, "ix_children_d_fts").IsTsVectorExpressionIndex("english");
            },
            loggerFactory: log,
            provider: TestProvider.Sqlite);

        log.Entries.Where(e => e.EventId.Id == CmmsEventId.UnsupportedIndexFeature.Id).Select(e => e.Message).Should().BeEquivalentTo(
        [
            Warning("ix_children_d_b", "USING brin", "a plain b-tree index is built, and the index rules judge it so"),
            Warning("ix_children_d_b", "d text_pattern_ops", "the keys are compared with their columns' collations, and the index rules judge it so"),
            Warning("ix_children_d_b", "d NULLS FIRST", "nulls sort first in ascending and last in descending columns"),
            Warning("ix_children_d_b", "d COLLATE C", "the index is built with the columns' own collations; set the collation on the column instead"),
            Warning("ux_children_d", "NULLS NOT DISTINCT", "the unique index treats nulls as distinct, so rows with nulls in these columns may repeat"),
            Warning("ix_children_d_fts", "to_tsvector('english', d)", "a plain index on the columns is built, and the index rules judge it so"),
        ]);
    }

    [Fact]
    public void PostgreSQL_builds_every_feature_and_warns_of_none()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(DeclareUniqueAndIncludeTwin, loggerFactory: log);

        log.Entries.Should().NotContain(e => e.EventId.Id == CmmsEventId.UnsupportedIndexFeature.Id);
    }

    [Fact]
    public void ConfigureWarnings_Throw_turns_the_warning_into_an_exception()
    {
        var build = () => ConventionTestContext.BuildModel(
            DeclareUniqueAndIncludeTwin,
            provider: TestProvider.Sqlite,
            configureOptions: o => o.ConfigureWarnings(w => w.Throw(CmmsEventId.UnsupportedIndexFeature)));

        build.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "An error was generated for warning 'Cmms.Data.Conventions.UnsupportedIndexFeature': " + IncludeWarning
            + " This exception can be suppressed or logged by passing event ID 'CmmsEventId.UnsupportedIndexFeature' to the "
            + "'ConfigureWarnings' method in 'DbContext.OnConfiguring' or 'AddDbContext'.");
    }

    [Fact]
    public void ConfigureWarnings_Ignore_silences_it_and_the_rules_still_judge_the_index_as_built()
    {
        var log = new CapturingLoggerFactory();

        var model = ConventionTestContext.BuildModel(
            DeclareUniqueAndIncludeTwin,
            loggerFactory: log,
            provider: TestProvider.Sqlite,
            configureOptions: o => o.ConfigureWarnings(w => w.Ignore(CmmsEventId.UnsupportedIndexFeature)));

        log.Entries.Should().NotContain(e => e.EventId.Id == CmmsEventId.UnsupportedIndexFeature.Id);
        model.GetPrunedIndexes().Select(p => p.Name).Should().Equal("ix_children_a_with_b");
    }

    private static string Warning(string index, string declared, string instead)
        => $"The index '{index}' on table 'children' declares {declared}, which SQLite does not build: {instead}. "
            + "Declare it only when the provider is PostgreSQL.";
}
