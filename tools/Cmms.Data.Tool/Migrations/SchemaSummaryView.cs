using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions;
using Cmms.Data.Tool.CommandLine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     How <c>migrate</c> and <c>status</c> show the schema summary and the pruned indexes: Spectre.Console tables on a
///     terminal, plain lines when standard output is redirected (pipelines, scripts, tests), with the same numbers.
///     Index names come from the database or the model: shown with unprintable characters escaped, and never as markup.
/// </summary>
internal static class SchemaSummaryView
{
    /// <summary>
    ///     Writes the summary (and the pruned indexes, when given) to standard output; <paramref name="listInvalid" /> false
    ///     leaves out the plain line of invalid indexes for a command that has printed them already (the terminal table
    ///     still counts them).
    /// </summary>
    public static async Task WriteAsync(ToolConsole console, IndexSummary summary, IReadOnlyList<PrunedIndex>? pruned, bool listInvalid = true)
    {
        if (console.Terminal is { } terminal)
        {
            terminal.Write(Table(summary));
            if (pruned is not null)
            {
                terminal.Write(PrunedTable(pruned));
            }

            return;
        }

        foreach (var line in Lines(listInvalid ? summary : summary with { Invalid = [] }).Concat(pruned is null ? [] : PrunedLines(pruned)))
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary><c>Schema: 34 tables, 1 materialized view, 138 indexes (brin 1, btree 130, gin 7); 51 unique, 5 partial, 1 covering.</c></summary>
    public static IEnumerable<string> Lines(IndexSummary summary)
    {
        var methods = string.Join(", ", summary.ByMethod.Select(m => $"{m.Key} {m.Value}"));
        yield return $"Schema: {SchemaObjectCounts.Describe(summary.Tables, summary.MaterializedViews, summary.Total)}"
            + $" ({(methods.Length == 0 ? "none" : methods)}); {summary.Unique} unique, {summary.Partial} partial, {summary.Covering} covering.";
        if (summary.Invalid.Count > 0)
        {
            yield return $"Invalid indexes (a concurrent build failed; cmms-db migrate rebuilds those the model declares): {string.Join(", ", summary.Invalid.Select(UnprintableText.Escape))}.";
        }
    }

    /// <summary>The pruned indexes: a count, then one indented line each with its reason and cover.</summary>
    public static IEnumerable<string> PrunedLines(IReadOnlyList<PrunedIndex> pruned)
        => pruned.Select(p => "  " + UnprintableText.Escape(p.ToString())).Prepend($"Pruned from the model by the index conventions: {pruned.Count}.");

    private static Table Table(IndexSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Schema").AddColumn("Object").AddColumn(new TableColumn("Count").RightAligned());
        Row(table, "Tables", summary.Tables);
        Row(table, "Materialized views", summary.MaterializedViews);
        Row(table, "Indexes", summary.Total);
        foreach (var (method, count) in summary.ByMethod)
        {
            Row(table, "  " + method, count);
        }

        Row(table, "  unique", summary.Unique);
        Row(table, "  partial", summary.Partial);
        Row(table, "  covering", summary.Covering);
        table.AddRow(
            new Text("  invalid"),
            summary.Invalid.Count == 0
                ? new Text("0")
                : new Text($"{summary.Invalid.Count}: {string.Join(", ", summary.Invalid.Select(UnprintableText.Escape))}", new Style(Color.Red)));
        return table;
    }

    private static Table PrunedTable(IReadOnlyList<PrunedIndex> pruned)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Pruned from the model by the index conventions: {pruned.Count}")
            .AddColumns("Index", "Table", "Columns", "Reason", "Covered by");
        foreach (var index in pruned)
        {
            table.AddRow(Cells(index.Name, index.Table, string.Join(", ", index.Columns), index.Reason.ToString(), index.CoveredBy));
        }

        return table;
    }

    private static void Row(Table table, string label, int count) => table.AddRow(new Text(label), new Text(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static IRenderable[] Cells(params string[] texts) => [.. texts.Select(t => new Text(UnprintableText.Escape(t)))];
}
