using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Tests.Conventions.Indexes;

public class RedundantIndexActionTests
{
    private static void DeclareRedundantIndexes(ModelBuilder mb)
    {
        mb.Entity<Child>().HasIndex(c => c.Id, "ix_children_id");
        mb.Entity<Child>().HasIndex(c => c.A, "ix_children_a");
        mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b");
    }

    [Fact]
    public void Remove_logs_a_warning_naming_each_removed_index_and_its_cover()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(DeclareRedundantIndexes, loggerFactory: log);

        var warnings = log.Entries.Where(e => e.EventId.Id == CmmsEventId.RedundantIndexRemoved.Id).ToList();
        warnings.Should().HaveCount(2).And.OnlyContain(e => e.Level == LogLevel.Warning);
        warnings.Select(e => e.Message).Should().BeEquivalentTo(
        [
            "The index 'ix_children_a' on table 'children' (a) was removed: it is a leading prefix of the index 'ix_children_a_b'. "
            + "Delete its declaration, or mark it AllowRedundant() to keep it.",
            "The index 'ix_children_id' on table 'children' (id) was removed: it is a duplicate of the key 'pk_children'. "
            + "Delete its declaration, or mark it AllowRedundant() to keep it.",
        ]);
        warnings.Select(e => e.EventId.Name).Should().AllBe("Cmms.Data.Conventions.RedundantIndexRemoved");
    }

    [Fact]
    public void Foreign_key_index_decisions_are_logged_at_debug()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(
            mb => mb.Entity<Child>().HasIndex(c => new { c.A, c.ParentId }, "ix_children_a_parent_id"),
            loggerFactory: log);

        log.Entries.Should().ContainSingle(e => e.EventId.Id == CmmsEventId.ForeignKeyIndexCreated.Id)
            .Which.Should().Match<CapturingLoggerFactory.LogEntry>(e =>
                e.Level == LogLevel.Debug
                && e.Message.Contains("'ix_children_parent_id'", StringComparison.Ordinal)
                && e.Message.Contains("'fk_children_parents_parent_id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Warn_keeps_redundant_indexes_and_logs_each()
    {
        var log = new CapturingLoggerFactory();

        var model = ConventionTestContext.BuildModel(
            DeclareRedundantIndexes,
            o => o.RedundantIndexes(RedundantIndexAction.Warn),
            log);

        model.IndexNames<Child>().Should().Contain(["ix_children_id", "ix_children_a", "ix_children_a_b"]);
        model.GetPrunedIndexes().Should().BeEmpty();
        log.Entries.Where(e => e.EventId.Id == CmmsEventId.RedundantIndexKept.Id)
            .Select(e => (e.Level, Named: e.Message.Split('\'')[1]))
            .Should().BeEquivalentTo([(LogLevel.Warning, "ix_children_a"), (LogLevel.Warning, "ix_children_id")]);
    }

    [Fact]
    public void Throw_fails_model_building_listing_every_redundant_index()
    {
        var build = () => ConventionTestContext.BuildModel(DeclareRedundantIndexes, o => o.RedundantIndexes(RedundantIndexAction.Throw));

        build.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain("2 redundant index(es)")
            .And.Contain("ix_children_a on children: a leading prefix of the index 'ix_children_a_b'")
            .And.Contain("ix_children_id on children: a duplicate of the key 'pk_children'");
    }

    [Fact]
    public void Throw_builds_the_model_when_nothing_is_redundant()
    {
        var model = ConventionTestContext.BuildModel(
            mb => mb.Entity<Child>().HasIndex(c => new { c.A, c.B }, "ix_children_a_b"),
            o => o.RedundantIndexes(RedundantIndexAction.Throw));

        model.IndexNames<Child>().Should().BeEquivalentTo(["ix_children_a_b", "ix_children_parent_id"]);
    }

    [Fact]
    public void Unknown_action_is_rejected()
    {
        var configure = () => ConventionTestContext.BuildModel(_ => { }, o => o.RedundantIndexes((RedundantIndexAction)42));

        configure.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("action");
    }
}
