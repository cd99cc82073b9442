using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Migrations;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     What the migration engine reports reaches standard error as cmms-db's own lines: names that come from the
///     database (a blocking session's application_name, an index name) cannot break a line or send escape sequences.
/// </summary>
public sealed class ProgressWriterTests
{
    [Fact]
    public void A_message_with_a_newline_and_an_escape_sequence_in_a_name_is_written_as_one_escaped_line()
    {
        using var error = new StringWriter();
        var writer = new ProgressWriter(new ToolConsole(TextWriter.Null, error, IsTerminal: false));

        writer.Report(new MigrationProgress(MigrationProgressKind.WaitingForLock, "Waiting for pid 42 (application \"evil\n\u001b[2Jcmms-db: done\")"));

        error.ToString().Should().Be("Waiting for pid 42 (application \"evil\\u000A\\u001B[2Jcmms-db: done\")" + Environment.NewLine);
    }

    [Fact]
    public void An_applied_migration_is_announced_once_even_when_the_engine_reports_it_again_on_a_retry()
    {
        using var error = new StringWriter();
        var writer = new ProgressWriter(new ToolConsole(TextWriter.Null, error, IsTerminal: false));

        writer.Report(new MigrationProgress(MigrationProgressKind.Applying, "20261121073149_AddIndexes"));
        writer.Report(new MigrationProgress(MigrationProgressKind.Applying, "20261121073149_AddIndexes"));

        error.ToString().Should().Be("Applying 20261121073149_AddIndexes" + Environment.NewLine);
        writer.Started.Should().Equal(("20261121073149_AddIndexes", false));
    }
}
