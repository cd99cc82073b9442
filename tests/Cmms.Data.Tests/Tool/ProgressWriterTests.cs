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
        using var writer = new ProgressWriter(new ToolConsole(TextWriter.Null, error, IsTerminal: false));

        writer.Report(new MigrationProgress(MigrationProgressKind.WaitingForLock, "Waiting for pid 42 (application \"evil\n\u001b[2Jcmms-db: done\")"));

        error.ToString().Should().Be("Waiting for pid 42 (application \"evil\\u000A\\u001B[2Jcmms-db: done\")" + Environment.NewLine);
    }

    [Fact]
    public void An_applied_migration_is_announced_once_even_when_the_engine_reports_it_again_on_a_retry()
    {
        using var error = new StringWriter();
        using var writer = new ProgressWriter(new ToolConsole(TextWriter.Null, error, IsTerminal: false));

        writer.Report(new MigrationProgress(MigrationProgressKind.Applying, "20261121073149_AddIndexes"));
        writer.Report(new MigrationProgress(MigrationProgressKind.Applying, "20261121073149_AddIndexes"));

        error.ToString().Should().Be("Applying 20261121073149_AddIndexes" + Environment.NewLine);
        writer.Started.Should().Equal(("20261121073149_AddIndexes", false));
    }

    [Fact]
    public async Task A_migration_that_runs_silently_gets_a_still_applying_line_when_output_is_redirected()
    {
        using var error = new StringWriter();
        using var writer = new ProgressWriter(new ToolConsole(TextWriter.Null, TextWriter.Synchronized(error), IsTerminal: false), TimeSpan.FromMilliseconds(100));

        writer.Report(new MigrationProgress(MigrationProgressKind.Applying, "20261121073123_InitialSchema"));
        for (var waited = 0; waited < 100 && !error.ToString().Contains("still", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(50);
        }

        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Applying 20261121073123_InitialSchema");
        lines.Should().HaveCountGreaterThan(1);
        lines[1].Should().MatchRegex(@"^  still applying 20261121073123_InitialSchema, \d+s$");
    }

    [Fact]
    public void No_progress_line_starts_like_a_failure()
    {
        using var error = new StringWriter();
        using var writer = new ProgressWriter(new ToolConsole(TextWriter.Null, error, IsTerminal: false));

        foreach (var kind in Enum.GetValues<MigrationProgressKind>())
        {
            writer.Report(new MigrationProgress(
                kind,
                kind is MigrationProgressKind.Applying or MigrationProgressKind.Reverting ? "20261121073149_AddIndexes" : $"{kind} happened",
                kind == MigrationProgressKind.IndexBuild ? new IndexBuildStatus("ix_a", "a", "building index: scanning table", 1, 2, "blocks", TimeSpan.Zero) : null));
        }

        error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().NotBeEmpty()
            .And.NotContain(line => line.StartsWith("cmms-db:", StringComparison.Ordinal));
        ToolConsole.ErrorPrefix.Should().StartWith("cmms-db:");
    }
}
