using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Conventions.Migrations.Linting;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Tests.Conventions.Migrations.Linting;

/// <summary>Lint findings through EF Core's diagnostics: event ids, levels, messages and ConfigureWarnings.</summary>
public sealed class MigrationLintEventsTests
{
    private static readonly MigrationOperation[] Operations =
    [
        new RenameColumnOperation { Table = "machines", Name = "code", NewName = "asset_code" },
        new DropColumnOperation { Table = "machines", Name = "legacy" },
        Acknowledged(new DropTableOperation { Name = "old_machines" }, "CMMS1005", "empty since 2.1"),
    ];

    [Fact]
    public void Findings_are_logged_with_their_event_id_level_and_message_in_the_migrations_category()
    {
        var loggerFactory = new CapturingLoggerFactory();
        using var context = Context(loggerFactory, o => o.ConfigureWarnings(w => w.Log((CmmsEventId.MigrationLintAcknowledged, LogLevel.Information))));

        MigrationLinter.Log(context, MigrationLinter.Lint("20260101000000_Rename", Operations));

        var entries = loggerFactory.Entries.Where(e => e.EventId.Id >= CmmsEventId.MigrationLintBaseId).ToList();
        entries.Select(e => (e.EventId.Id, e.Level, e.Category)).Should().Equal(
            (72150, LogLevel.Warning, DbLoggerCategory.Migrations.Name),
            (72151, LogLevel.Warning, DbLoggerCategory.Migrations.Name),
            (72152, LogLevel.Information, DbLoggerCategory.Migrations.Name));
        entries[0].Message.Should().StartWith("Migration 20260101000000_Rename: CMMS1002 rename-column (Error) machines.code → asset_code. ")
            .And.Contain(" Safe way: Add the new column");
        entries[2].Message.Should().EndWith("Acknowledged: empty since 2.1");
    }

    [Fact]
    public void ConfigureWarnings_Throw_turns_a_lint_error_into_an_exception_and_Ignore_silences_it()
    {
        var findings = MigrationLinter.Lint("m", Operations);

        using (var throwing = Context(new CapturingLoggerFactory(), o => o.ConfigureWarnings(w => w.Throw(CmmsEventId.MigrationLintError))))
        {
            FluentActions.Invoking(() => MigrationLinter.Log(throwing, findings))
                .Should().Throw<InvalidOperationException>().WithMessage("*CMMS1002 rename-column*event ID 'CmmsEventId.MigrationLintError'*");
        }

        var loggerFactory = new CapturingLoggerFactory();
        using var ignoring = Context(loggerFactory, o => o.ConfigureWarnings(w => w.Ignore(CmmsEventId.MigrationLintError)));
        MigrationLinter.Log(ignoring, findings);
        loggerFactory.Entries.Select(e => e.EventId.Id).Should().NotContain(72150).And.Contain(72151);
    }

    private static MigrationOperation Acknowledged(MigrationOperation operation, string ruleId, string reason)
    {
        new OperationBuilder<MigrationOperation>(operation).AcknowledgeLint(ruleId, reason);
        return operation;
    }

    private static DbContext Context(ILoggerFactory loggerFactory, Action<DbContextOptionsBuilder> configure)
    {
        var options = new DbContextOptionsBuilder().UseNpgsql("Host=unused").UseSafeMigrations().UseLoggerFactory(loggerFactory);
        configure(options);
        return new DbContext(options.Options);
    }
}
