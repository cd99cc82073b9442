using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cmms.Data.Analysis.Reports;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Writes an <see cref="AdviceReport" /> as text for a terminal, markdown for a pull-request comment, or JSON.
///     Statement texts and names come from the database, so they are escaped for each target: control characters
///     for the terminal, code fences longer than any backtick run for markdown, JSON by System.Text.Json.
/// </summary>
public static class AdviceReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,

        // The output is read by people and tools, never embedded in HTML: keep <, > and quotes readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The report as plain text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Text(AdviceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var text = new StringBuilder();
        text.AppendLine(Terminal(Headline(report)));
        var number = 0;
        foreach (var proposal in report.Proposals)
        {
            text.AppendLine()
                .AppendLine(Invariant($"{++number}. {Terminal(proposal.Definition.Name)} on {Terminal(proposal.Schema)}.{Terminal(proposal.TableName)}{(proposal.IsVerified ? string.Empty : " (not measured: HypoPG cannot simulate GIN)")}"));
            foreach (var effect in proposal.Statements)
            {
                text.AppendLine(Invariant($"   {Effect(effect)}  {Terminal(OneLine(effect.Sql))}"));
            }

            text.AppendLine(proposal.EntityType is null ? "   EF Core:" : $"   EF Core ({Terminal(proposal.EntityType)}):")
                .AppendLine("     " + Terminal(proposal.EfCoreCode))
                .AppendLine("   SQL:")
                .AppendLine("     " + Terminal(proposal.CreateSql));
            foreach (var drop in proposal.Replaces)
            {
                text.AppendLine(Invariant($"     {Terminal(drop.DropSql)}  -- after the CREATE: {Terminal(drop.Name)} is a prefix of it"));
            }
        }

        if (report.Unhelped.Count > 0)
        {
            text.AppendLine().AppendLine("Statements without a proposal:");
            foreach (var statement in report.Unhelped)
            {
                text.AppendLine(Invariant($"   {Reason(statement.Reason)} ({Terminal(statement.Detail)}), {statement.Calls} calls: {Terminal(OneLine(statement.Sql))}"));
            }
        }

        return text.ToString();
    }

    /// <summary>The report as GitHub-flavoured markdown.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The markdown, ending with a newline.</returns>
    public static string Markdown(AdviceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var text = new StringBuilder();
        text.AppendLine("### cmms-db advise").AppendLine().AppendLine(Cell(Headline(report)));
        foreach (var proposal in report.Proposals)
        {
            text.AppendLine()
                .AppendLine(Invariant($"#### {Cell(proposal.Definition.Name)} on {Cell(proposal.Schema)}.{Cell(proposal.TableName)}{(proposal.IsVerified ? string.Empty : " (not measured: HypoPG cannot simulate GIN)")}"))
                .AppendLine()
                .AppendLine("| calls | cost before | cost after | statement |")
                .AppendLine("|---:|---:|---:|---|");
            foreach (var effect in proposal.Statements)
            {
                text.AppendLine(Invariant($"| {effect.Calls} | {effect.CostBefore:F2} | {(effect.CostAfter is { } after ? after.ToString("F2", CultureInfo.InvariantCulture) : "not measured")} | {Code(OneLine(effect.Sql))} |"));
            }

            text.AppendLine().AppendLine(Fenced("csharp", proposal.EfCoreCode));
            text.AppendLine(Fenced("sql", string.Join("\n", new[] { proposal.CreateSql }.Concat(proposal.Replaces.Select(r => r.DropSql)))));
        }

        if (report.Unhelped.Count > 0)
        {
            text.AppendLine().AppendLine("#### Statements without a proposal").AppendLine().AppendLine("| reason | calls | statement |").AppendLine("|---|---:|---|");
            foreach (var statement in report.Unhelped)
            {
                text.AppendLine(Invariant($"| {Reason(statement.Reason)}: {Cell(statement.Detail)} | {statement.Calls} | {Code(OneLine(statement.Sql))} |"));
            }
        }

        return text.ToString();
    }

    /// <summary>The report as JSON (camelCase names, reasons in snake_case).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON document, ending with a newline.</returns>
    public static string Json(AdviceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var document = new
        {
            database = report.Database,
            source = report.Source,
            statementsPlanned = report.StatementsPlanned,
            catalogOnlyStatements = report.CatalogOnlyStatements,
            elapsedMs = Math.Round(report.Elapsed.TotalMilliseconds),
            proposals = report.Proposals.Select(p => new
            {
                name = p.Definition.Name,
                schema = p.Schema,
                table = p.TableName,
                method = p.Definition.Method,
                columns = p.Definition.KeyColumns.Select(k => new { name = k.Name, expression = k.IsExpression, descending = k.Descending, operatorClass = k.OperatorClass }),
                include = p.Definition.IncludeColumns,
                predicate = p.Definition.Predicate,
                verified = p.IsVerified,
                weightedCostSaved = Math.Round(p.WeightedCostSaved, 2),
                statements = p.Statements,
                entityType = p.EntityType,
                efCore = p.EfCoreCode,
                createSql = p.CreateSql,
                replaces = p.Replaces,
            }),
            unhelped = report.Unhelped,
        };
        return JsonSerializer.Serialize(document, JsonOptions) + "\n";
    }

    private static string Headline(AdviceReport report)
        => Invariant($"{report.Proposals.Count} index proposal(s) for {report.StatementsPlanned} planned statement(s) from {report.Source} of database {report.Database} ({report.CatalogOnlyStatements} reading only system catalogs left out); {report.Unhelped.Count} statement(s) without a proposal ({report.Elapsed.TotalSeconds:F1} s).");

    private static string Effect(StatementEffect effect)
        => Invariant($"{effect.Calls,8} calls  cost {effect.CostBefore,10:F2} -> {(effect.CostAfter is { } after ? after.ToString("F2", CultureInfo.InvariantCulture) : "?"),10}");

    private static string Reason(UnhelpedReason reason) => JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString()).Replace('_', ' ');

    private static string OneLine(string sql) => string.Join(' ', sql.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    // Control, format and separator characters (an escape sequence could rewrite the terminal) shown as \u escapes.
    private static string Terminal(string text) => UnprintableText.Escape(text);

    private static string Cell(string text) => MarkdownText.Cell(text);

    // An inline code span delimited by one more backtick than the longest run inside (CommonMark 6.1); pipes still end a table cell.
    private static string Code(string text)
    {
        var ticks = new string('`', MarkdownText.LongestBacktickRun(text) + 1);
        return $"{ticks} {Terminal(text).Replace("|", "\\|", StringComparison.Ordinal)} {ticks}";
    }

    private static string Fenced(string language, string code)
    {
        var fence = new string('`', Math.Max(3, MarkdownText.LongestBacktickRun(code) + 1));
        return $"{fence}{language}\n{string.Join('\n', code.Split('\n').Select(Terminal))}\n{fence}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
