using System.Text;
using System.Text.RegularExpressions;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Reads the conditions PostgreSQL prints in a VERBOSE plan (its own deparse, so one regular shape:
///     <c>((o.user_id = $1) AND (o.status = 'approved'::text))</c>) into what they say about the columns of one scanned
///     table. Anything it does not recognise it leaves out; a condition with a top-level OR is left out whole.
/// </summary>
internal static partial class ConditionParser
{
    // https://www.postgresql.org/docs/15/ddl-system-columns.html
    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal) { "ctid", "xmin", "xmax", "cmin", "cmax", "tableoid" };

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null" };

    private const string Identifier = """(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)""";

    /// <summary>What <paramref name="condition" /> says about the columns of the table scanned as <paramref name="alias" />.</summary>
    public static IReadOnlyList<Conjunct> Parse(string condition, string alias)
    {
        var parts = SplitConjunction(condition);
        return parts is null ? [] : parts.Select(p => Classify(p, alias)).OfType<Conjunct>().ToList();
    }

    /// <summary>One sort key (<c>o.created_at DESC NULLS LAST</c>) if it is a column of the table scanned as <paramref name="alias" />.</summary>
    public static (string Column, bool Descending, bool? NullsFirst)? ParseSortKey(string key, string alias)
    {
        var match = Regex.Match(key.Trim(), $@"^{ColumnPattern(alias)}(?:\s+(?<dir>ASC|DESC))?(?:\s+NULLS\s+(?<nulls>FIRST|LAST))?$", RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }

        var descending = match.Groups["dir"].Value == "DESC";
        bool? nullsFirst = match.Groups["nulls"].Success ? match.Groups["nulls"].Value == "FIRST" : null;
        // The default for the direction is no explicit setting.
        return (Unquote(match.Groups["col"].Value), descending, nullsFirst == descending ? null : nullsFirst);
    }

    /// <summary>
    ///     The columns of the table scanned as <paramref name="alias" /> that a scan reads (its output, then its
    ///     conditions), in order of appearance; <see langword="null" /> when it reads the whole row, a system column, or
    ///     an output this cannot attribute, so that no index could be known to answer it alone.
    /// </summary>
    /// <remarks>
    ///     EXPLAIN VERBOSE qualifies the columns of conditions always, but those of an output only when the statement
    ///     has more than one range-table entry; a bare identifier in an output is then a column of the one table.
    /// </remarks>
    public static IReadOnlyList<string>? ReferencedColumns(IEnumerable<string> output, IEnumerable<string> conditions, string alias)
    {
        var columns = new List<string>();
        foreach (var entry in output)
        {
            if (Regex.Match(entry, $"^{Identifier}$", RegexOptions.CultureInvariant) is { Success: true } && !Keywords.Contains(entry))
            {
                columns.Add(Unquote(entry));
            }
            else if (!References(entry, alias))
            {
                return null;
            }
        }

        foreach (var text in output.Concat(conditions))
        {
            var outside = string.Concat(LiteralPattern().Split(text).Where(p => !p.StartsWith('\'')));
            if (Regex.IsMatch(outside, $@"(?<![A-Za-z0-9_$""]){AliasPattern(alias)}\.\*", RegexOptions.CultureInvariant))
            {
                return null;
            }

            columns.AddRange(Regex.Matches(outside, ColumnPattern(alias), RegexOptions.CultureInvariant).Select(m => Unquote(m.Groups["col"].Value)));
        }

        return columns.Any(SystemColumns.Contains) ? null : columns.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The parts of a top-level AND, outer parentheses removed; <see langword="null" /> when it has a top-level OR.</summary>
    internal static IReadOnlyList<string>? SplitConjunction(string condition)
    {
        var text = StripParentheses(condition.Trim());
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                default:
                    if (depth == 0 && At(text, i, " OR "))
                    {
                        return null;
                    }

                    if (depth == 0 && At(text, i, " AND "))
                    {
                        parts.Add(StripParentheses(text[start..i].Trim()));
                        start = i + 5;
                    }

                    break;
            }
        }

        parts.Add(StripParentheses(text[start..].Trim()));
        return parts;
    }

    /// <summary>The condition without the qualifier of <paramref name="alias" />, outside string literals.</summary>
    internal static string Unqualify(string condition, string alias)
    {
        var qualifier = new Regex($@"(?<![A-Za-z0-9_$""]){AliasPattern(alias)}\.(?=[A-Za-z_""])", RegexOptions.CultureInvariant);
        var result = new StringBuilder();
        foreach (var piece in LiteralPattern().Split(condition))
        {
            result.Append(piece.StartsWith('\'') ? piece : qualifier.Replace(piece, string.Empty));
        }

        return result.ToString();
    }

    private static Conjunct? Classify(string part, string alias)
    {
        var column = ColumnPattern(alias);
        var comparison = Regex.Match(part, $@"^(?<lhs>{column}|\({column}\)::[a-z ]+)\s+(?<op>= ANY|=|<>|<=|>=|<|>|@>|@@|&&|\?)\s+(?<rhs>.+)$", RegexOptions.CultureInvariant);
        if (comparison.Success)
        {
            var name = Unquote(comparison.Groups["col"].Value);
            var op = comparison.Groups["op"].Value;
            var rhs = comparison.Groups["rhs"].Value;
            if (References(rhs, alias))
            {
                return null;
            }

            return op switch
            {
                "=" or "= ANY" => new Conjunct(name, ConjunctKind.Equality, op),
                "<" or "<=" or ">" or ">=" => new Conjunct(name, ConjunctKind.Range, op),
                "<>" when IsConstant(rhs) => new Conjunct(name, ConjunctKind.Constant, op, Unqualify(part, alias)),
                "@>" or "@@" or "&&" or "?" => new Conjunct(name, ConjunctKind.Containment, op),
                _ => null,
            };
        }

        if (Expression(part, alias) is { } expression)
        {
            return expression;
        }

        // A join key written the other way round: (u.id = o.user_id) seen from o.
        var reversed = Regex.Match(part, $@"^(?<lhs>.+?)\s+=\s+{column}$", RegexOptions.CultureInvariant);
        if (reversed.Success && !References(reversed.Groups["lhs"].Value, alias))
        {
            return new Conjunct(Unquote(reversed.Groups["col"].Value), ConjunctKind.Equality, "=");
        }

        var test = Regex.Match(part, $@"^(?:NOT\s+)?{column}(?:\s+IS(?:\s+NOT)?\s+NULL)?$", RegexOptions.CultureInvariant);
        return test.Success ? new Conjunct(Unquote(test.Groups["col"].Value), ConjunctKind.Constant, string.Empty, Unqualify(part, alias)) : null;
    }

    // A function of this table's columns compared with a value (lower(u.email) = $1): an expression index's key, written
    // as the server deparsed it without the table's qualifier. Whether the function may be indexed (IMMUTABLE) is the
    // server's to say when the hypothetical index is created.
    private static Conjunct? Expression(string part, string alias)
    {
        var call = Regex.Match(part, @"^[a-z_][a-z0-9_]*\(", RegexOptions.CultureInvariant);
        if (!call.Success)
        {
            return null;
        }

        var end = ClosingParenthesis(part, call.Length - 1);
        var comparison = end < 0 ? null : Regex.Match(part[(end + 1)..], @"^\s+(?<op>=|<=|>=|<|>)\s+(?<rhs>.+)$", RegexOptions.CultureInvariant);
        if (comparison is not { Success: true })
        {
            return null;
        }

        var lhs = part[..(end + 1)];
        var outside = string.Concat(LiteralPattern().Split(lhs).Where(p => !p.StartsWith('\'')));
        var unqualified = Unqualify(lhs, alias);
        if (!References(lhs, alias) || outside.Contains('$', StringComparison.Ordinal) || References(comparison.Groups["rhs"].Value, alias)
            || QualifiedColumnPattern().IsMatch(string.Concat(LiteralPattern().Split(unqualified).Where(p => !p.StartsWith('\'')))))
        {
            return null;
        }

        var op = comparison.Groups["op"].Value;
        return new Conjunct(unqualified, op == "=" ? ConjunctKind.Equality : ConjunctKind.Range, op, IsExpression: true);
    }

    // The index of the parenthesis closing the one at open, outside quotes; -1 if none.
    private static int ClosingParenthesis(string text, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // No parameter and no column of any table: the same rows every time, which a partial index can bake in.
    private static bool IsConstant(string text)
    {
        var outside = string.Concat(LiteralPattern().Split(text).Where(p => !p.StartsWith('\'')));
        return !outside.Contains('$', StringComparison.Ordinal) && !QualifiedColumnPattern().IsMatch(outside);
    }

    private static bool References(string text, string alias)
    {
        var outside = string.Concat(LiteralPattern().Split(text).Where(p => !p.StartsWith('\'')));
        return Regex.IsMatch(outside, $@"(?<![A-Za-z0-9_$""]){AliasPattern(alias)}\.", RegexOptions.CultureInvariant);
    }

    private static string ColumnPattern(string alias) => $@"(?<![A-Za-z0-9_$""]){AliasPattern(alias)}\.(?<col>{Identifier})";

    // The alias as the deparser prints it: bare, or double-quoted with quotes doubled.
    private static string AliasPattern(string alias)
        => $@"(?:{Regex.Escape(alias)}|""{Regex.Escape(alias.Replace("\"", "\"\"", StringComparison.Ordinal))}"")";

    private static string Unquote(string identifier)
        => identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    private static bool At(string text, int i, string word) => string.CompareOrdinal(text, i, word, 0, word.Length) == 0;

    private static string StripParentheses(string text)
    {
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && ClosesAtEnd(text))
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    // Whether the opening parenthesis at 0 is closed by the last character (not "(a) AND (b)"); an unclosed one counts
    // as closing at the end.
    private static bool ClosesAtEnd(string text) => ClosingParenthesis(text, 0) is var close && (close < 0 || close == text.Length - 1);

    [GeneratedRegex("('(?:[^']|'')*')", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"(?:""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*)\.(?:""|[A-Za-z_])", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedColumnPattern();
}
