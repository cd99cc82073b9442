using System.CommandLine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.IntegrationTests.Docs;

/// <summary>
///     Every cmms-db command the README (and the cmms-db and analyze references) shows exists with the options it shows: each one is parsed by the real command
///     tree (subcommands, options, option values), read fresh from both, so the check follows the commands as they change.
/// </summary>
public sealed class DocumentedCommandsTests
{
    private static readonly RootCommand Commands = CmmsDbApp.CreateRootCommand(new ToolConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false));

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/cmms-db.md")]
    [InlineData("docs/analyze.md")]
    public async Task Every_cmms_db_command_in_the_document_parses_with_the_options_it_shows(string document)
    {
        var markdown = await File.ReadAllTextAsync(Repository.File(document.Split('/')));

        var commands = DocumentedCommand.In(markdown);

        commands.Should().Contain(c => c.Arguments.Count > 0, $"{document} shows how to run cmms-db");
        Problems(commands).Should().BeEmpty($"every command {document} shows must run as shown");
    }

    [Fact]
    public void The_check_reports_an_unknown_command_an_unknown_option_and_a_bad_value_with_their_lines()
    {
        const string Markdown = """
            Run `cmms-db migrate --lock-timeout 5x` first.

            ```bash
            dotnet run --project tools/Cmms.Data.Tool -- migrate --no-such-option   # wrong
            tools-bin/cmms-db frobnicate
            CMMS_DB_CONNECTION="Host=…" cmms-db status --json | jq .pending
            # cmms-db not-a-command, in a comment
            ```

            ```
            cmms-db synopsis [--not-checked]
            ```
            """;

        var commands = DocumentedCommand.In(Markdown);

        commands.Select(c => (c.Line, string.Join(' ', c.Arguments))).Should().Equal(
            (1, "migrate --lock-timeout 5x"),
            (4, "migrate --no-such-option"),
            (5, "frobnicate"),
            (6, "status --json"));
        Problems(commands).Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).Should().Equal("line 1", "line 4", "line 5");
    }

    [Fact]
    public void Shell_words_follow_quotes_escapes_comments_and_operators()
    {
        ShellWords.Split("""A="x y" cmms-db analyze -c 'Host=…;Database=shop' --format\ markdown>out.md # note""")
            .Should().Equal("A=x y", "cmms-db", "analyze", "-c", "Host=…;Database=shop", "--format markdown", ">", "out.md");
    }

    private static List<string> Problems(IEnumerable<DocumentedCommand> commands) =>
        commands
            .Select(command => (command, errors: Commands.Parse(command.Arguments.ToArray()).Errors))
            .Where(parsed => parsed.errors.Count > 0)
            .Select(parsed => $"line {parsed.command.Line}: `{parsed.command.Text}`: {string.Join(" ", parsed.errors.Select(e => e.Message))}")
            .ToList();
}
