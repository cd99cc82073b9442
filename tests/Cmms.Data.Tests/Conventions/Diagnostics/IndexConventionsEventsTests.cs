using System.Diagnostics;
using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Tests.Conventions.Diagnostics;

public class IndexConventionsEventsTests
{
    private const string RemovedMessage =
        "The index 'ix_children_id' on table 'children' (id) was removed: it is a duplicate of the key 'pk_children'. "
        + "Delete its declaration, or mark it AllowRedundant() to keep it.";

    private static void DeclareDuplicateOfKey(ModelBuilder mb) => mb.Entity<Child>().HasIndex(c => c.Id, "ix_children_id");

    [Fact]
    public void Event_ids_have_a_range_and_names_of_their_own()
    {
        new[]
        {
            CmmsEventId.RedundantIndexRemoved, CmmsEventId.RedundantIndexKept, CmmsEventId.RedundantIndexAllowed,
            CmmsEventId.ForeignKeyIndexCreated, CmmsEventId.ForeignKeyIndexCovered, CmmsEventId.ConventionIndexRemoved,
            CmmsEventId.UnsupportedIndexFeature,
        }.Select(e => (e.Id, e.Name)).Should().Equal(
            (72000, "Cmms.Data.Conventions.RedundantIndexRemoved"),
            (72001, "Cmms.Data.Conventions.RedundantIndexKept"),
            (72002, "Cmms.Data.Conventions.RedundantIndexAllowed"),
            (72003, "Cmms.Data.Conventions.ForeignKeyIndexCreated"),
            (72004, "Cmms.Data.Conventions.ForeignKeyIndexCovered"),
            (72005, "Cmms.Data.Conventions.ConventionIndexRemoved"),
            (72006, "Cmms.Data.Conventions.UnsupportedIndexFeature"));
    }

    [Fact]
    public void ConfigureWarnings_Throw_fails_model_building_with_the_warning_and_how_to_suppress_it()
    {
        var build = () => ConventionTestContext.BuildModel(
            DeclareDuplicateOfKey,
            configureOptions: o => o.ConfigureWarnings(w => w.Throw(CmmsEventId.RedundantIndexRemoved)));

        build.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "An error was generated for warning 'Cmms.Data.Conventions.RedundantIndexRemoved': " + RemovedMessage
            + " This exception can be suppressed or logged by passing event ID 'CmmsEventId.RedundantIndexRemoved' to the "
            + "'ConfigureWarnings' method in 'DbContext.OnConfiguring' or 'AddDbContext'.");
    }

    [Fact]
    public void ConfigureWarnings_Ignore_silences_the_warning_and_the_index_is_still_removed()
    {
        var log = new CapturingLoggerFactory();

        var model = ConventionTestContext.BuildModel(
            DeclareDuplicateOfKey,
            loggerFactory: log,
            configureOptions: o => o.ConfigureWarnings(w => w.Ignore(CmmsEventId.RedundantIndexRemoved)));

        log.Entries.Where(e => e.EventId.Id == CmmsEventId.RedundantIndexRemoved.Id).Should().BeEmpty();
        model.GetPrunedIndexes().Select(p => p.Name).Should().Equal("ix_children_id");
        log.Entries.Should().Contain(e => e.EventId.Id == CmmsEventId.ForeignKeyIndexCreated.Id, "only the one event is ignored");
    }

    [Fact]
    public void ConfigureWarnings_Log_changes_the_level_of_the_event()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(
            DeclareDuplicateOfKey,
            loggerFactory: log,
            configureOptions: o => o.ConfigureWarnings(w => w.Log((CmmsEventId.RedundantIndexRemoved, LogLevel.Information))));

        log.Entries.Should().ContainSingle(e => e.EventId.Id == CmmsEventId.RedundantIndexRemoved.Id)
            .Which.Should().Be(new CapturingLoggerFactory.LogEntry(
                DbLoggerCategory.Model.Name, LogLevel.Information, CmmsEventId.RedundantIndexRemoved, RemovedMessage));
    }

    [Fact]
    public void LogTo_writes_the_warning_as_EF_Core_writes_its_own()
    {
        var lines = new List<string>();

        ConventionTestContext.BuildModel(DeclareDuplicateOfKey, configureOptions: o => o.LogTo(lines.Add, LogLevel.Warning));

        // EF Core's format: "level: time EventIdCode[id] (event name's prefix)", then the message on the next line.
        lines.Should().ContainSingle().Which.Should().StartWith("warn: ")
            .And.Contain(" CmmsEventId.RedundantIndexRemoved[72000] (Cmms.Data.Conventions) ")
            .And.EndWith(Environment.NewLine + "      " + RemovedMessage);
    }

    [Fact]
    public void DiagnosticListener_receives_the_removed_index_as_event_data()
    {
        // Other tests build models in parallel: this one's index has a name no other test uses.
        var indexName = "ix_children_id_" + Guid.NewGuid().ToString("N")[..8];
        using var observer = new EventDataObserver<RedundantIndexEventData>(CmmsEventId.RedundantIndexRemoved.Name!);

        using (DiagnosticListener.AllListeners.Subscribe(observer))
        {
            ConventionTestContext.BuildModel(mb => mb.Entity<Child>().HasIndex(c => c.Id, indexName));
        }

        observer.Received.Should().ContainSingle(d => d.IndexName == indexName).Which.Should().BeEquivalentTo(new
        {
            IndexName = indexName,
            Table = "children",
            Columns = new[] { "id" },
            Reason = PrunedIndexReason.DuplicateOfKey,
            CoveredBy = "pk_children",
            LogLevel = LogLevel.Warning,
            EventId = CmmsEventId.RedundantIndexRemoved,
            EventIdCode = "CmmsEventId.RedundantIndexRemoved",
        });
        observer.Received.Single(d => d.IndexName == indexName).ToString().Should()
            .Be(RemovedMessage.Replace("ix_children_id", indexName, StringComparison.Ordinal));
    }

    [Fact]
    public void Foreign_key_served_by_a_longer_index_is_logged_at_debug_with_the_serving_index()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(
            mb => mb.Entity<Child>().HasIndex(c => new { c.ParentId, c.A }, "ix_children_parent_id_a"),
            loggerFactory: log);

        log.Entries.Should().ContainSingle(e => e.EventId.Id == CmmsEventId.ForeignKeyIndexCovered.Id)
            .Which.Should().Be(new CapturingLoggerFactory.LogEntry(
                DbLoggerCategory.Model.Name,
                LogLevel.Debug,
                CmmsEventId.ForeignKeyIndexCovered,
                "The index 'ix_children_parent_id_a' on table 'children' leads with the columns (parent_id) of the foreign key "
                + "'fk_children_parents_parent_id': no index was created for the foreign key."));
    }

    [Fact]
    public void Allowed_redundant_index_is_logged_at_debug_naming_its_cover()
    {
        var log = new CapturingLoggerFactory();

        ConventionTestContext.BuildModel(
            mb => mb.Entity<Child>().HasIndex(c => c.Id, "ix_children_id").AllowRedundant(),
            loggerFactory: log);

        log.Entries.Should().ContainSingle(e => e.EventId.Id == CmmsEventId.RedundantIndexAllowed.Id)
            .Which.Should().Be(new CapturingLoggerFactory.LogEntry(
                DbLoggerCategory.Model.Name,
                LogLevel.Debug,
                CmmsEventId.RedundantIndexAllowed,
                "The index 'ix_children_id' on table 'children' (id) is a duplicate of the key 'pk_children' but kept: "
                + "it is marked AllowRedundant()."));
    }
}
