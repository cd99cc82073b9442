using Cmms.Data.Conventions;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Migrations;
using Spectre.Console.Testing;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     The schema summary as migrate and status show it: a Spectre.Console table on a terminal, plain lines when
///     standard output is redirected, the same numbers in both, and names from the database never read as markup or
///     control characters.
/// </summary>
public sealed class SchemaSummaryViewTests
{
    private static readonly IndexSummary Summary = new(
        Tables: 34,
        MaterializedViews: 1,
        Total: 138,
        ByMethod: new SortedDictionary<string, int>(StringComparer.Ordinal) { ["brin"] = 1, ["btree"] = 130, ["gin"] = 7 },
        Unique: 51,
        Partial: 5,
        Covering: 1,
        Invalid: ["ix_[red]bad\u001b[2J"]);

    private static readonly PrunedIndex[] Pruned =
    [
        new("ix_albums_artist_id", "albums", ["artist_id"], PrunedIndexReason.ForeignKeyCovered, "ix_albums_artist_id_release_date"),
    ];

    [Fact]
    public async Task Redirected_output_gets_plain_lines_and_the_pruned_list_only_when_asked()
    {
        using var output = new StringWriter();
        var console = new ToolConsole(output, TextWriter.Null, IsTerminal: false);

        await SchemaSummaryView.WriteAsync(console, Summary, pruned: null);
        var withoutPruned = output.ToString();
        output.GetStringBuilder().Clear();
        await SchemaSummaryView.WriteAsync(console, Summary, Pruned);

        withoutPruned.Should().Be(string.Join(Environment.NewLine,
            "Schema: 34 tables, 1 materialized view, 138 indexes (brin 1, btree 130, gin 7); 51 unique, 5 partial, 1 covering.",
            "Invalid indexes (a concurrent build failed; cmms-db migrate rebuilds those the model declares): ix_[red]bad\\u001B[2J.",
            string.Empty));
        output.ToString().Should().Be(withoutPruned + string.Join(Environment.NewLine,
            "Pruned from the model by the index conventions: 1.",
            "  ix_albums_artist_id on albums (artist_id): ForeignKeyCovered, covered by ix_albums_artist_id_release_date",
            string.Empty));
    }

    [Fact]
    public async Task A_terminal_gets_tables_with_the_same_numbers_and_names_shown_as_text()
    {
        var terminal = new TestConsole().Width(120);
        using var output = new StringWriter();
        var console = new ToolConsole(output, TextWriter.Null, IsTerminal: true, terminal);

        await SchemaSummaryView.WriteAsync(console, Summary, Pruned);

        output.ToString().Should().BeEmpty("a terminal gets the tables instead of the lines");
        var lines = terminal.Lines.Select(l => l.TrimEnd()).ToList();
        lines.Should().Contain(l => l.Contains("Tables", StringComparison.Ordinal) && l.Contains("34", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("Materialized views", StringComparison.Ordinal) && l.Contains(" 1 ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("Indexes", StringComparison.Ordinal) && l.Contains("138", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("btree", StringComparison.Ordinal) && l.Contains("130", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("1: ix_[red]bad\\u001B[2J", StringComparison.Ordinal), "markup and escapes in a name stay text");
        lines.Should().Contain(l => l.Contains("Pruned from the model by the index conventions: 1", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("ix_albums_artist_id", StringComparison.Ordinal) && l.Contains("ForeignKeyCovered", StringComparison.Ordinal)
            && l.Contains("ix_albums_artist_id_release_date", StringComparison.Ordinal));
        terminal.Output.Should().NotContain("\u001b[2J");
    }
}
