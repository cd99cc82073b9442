using System.Text;
using System.Text.RegularExpressions;

namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     Brings a predicate or index expression to a canonical text for comparison: the same condition written twice by
///     a person (<c>"status" &lt;&gt; 'closed'</c>, <c>(status &lt;&gt; 'closed')</c>), or deparsed twice by PostgreSQL,
///     compares equal.
/// </summary>
/// <remarks>
///     Outside string literals: identifier quotes are dropped, case and whitespace are folded, parentheses around a
///     single word are dropped, and so are parentheses wrapping the whole text. Literals are kept verbatim. Casts are
///     kept: <c>v::int = 1</c> and <c>v = 1</c> select different rows. This is a comparison key, not a SQL rewriter.
/// </remarks>
public static partial class SqlTextNormalizer
{
    /// <summary>Returns the canonical comparison text of <paramref name="sql" />, or <see langword="null" /> for none.</summary>
    /// <param name="sql">A predicate or expression, or <see langword="null" />.</param>
    /// <returns>The canonical text.</returns>
    public static string? Normalize(string? sql) => Normalize(sql, ignoreCasts: false);

    /// <summary>Returns the canonical comparison text of <paramref name="sql" />, optionally without casts.</summary>
    /// <param name="sql">A predicate or expression, or <see langword="null" />.</param>
    /// <param name="ignoreCasts">
    ///     Also drop casts to a type name (<c>::text</c>), to compare a predicate as a person wrote it in the model
    ///     (<c>status &lt;&gt; 'closed'</c>) with the one PostgreSQL deparses (<c>((status)::text &lt;&gt; 'closed'::text)</c>).
    ///     Lossy (<c>v::int = 1</c> then equals <c>v = 1</c>): for model-to-database drift checks, never for redundancy.
    /// </param>
    /// <returns>The canonical text.</returns>
    public static string? Normalize(string? sql, bool ignoreCasts)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return null;
        }

        var text = FoldOutsideLiterals(sql);
        string previous;
        do
        {
            previous = text;
            text = ignoreCasts ? CastPattern().Replace(text, string.Empty) : text;
            text = ParenthesizedWordPattern().Replace(text, "$1");
            text = StripWrappingParentheses(text);
        }
        while (text != previous);

        return text;
    }

    private static string FoldOutsideLiterals(string sql)
    {
        var builder = new StringBuilder(sql.Length);
        var inLiteral = false;
        var pendingSpace = false;
        foreach (var c in sql)
        {
            if (inLiteral)
            {
                builder.Append(c);
                inLiteral = c != '\'';
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c == '"')
            {
                continue;
            }

            if (pendingSpace && NeedsSpace(builder[^1], c))
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            inLiteral = c == '\'';
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Spaces matter only between two word characters: "is not null" but "a<>b" == "a <> b".
    private static bool NeedsSpace(char before, char after) => IsWordChar(before) && IsWordChar(after);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '\'' or '$';

    private static string StripWrappingParentheses(string text)
    {
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && ClosesAtEnd(text))
        {
            text = text[1..^1];
        }

        return text;
    }

    // True when the opening parenthesis at 0 is closed by the last character (not "(a) and (b)").
    private static bool ClosesAtEnd(string text)
    {
        var depth = 0;
        var inLiteral = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                inLiteral = !inLiteral;
            }
            else if (!inLiteral && c == '(')
            {
                depth++;
            }
            else if (!inLiteral && c == ')' && --depth == 0 && i < text.Length - 1)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [GeneratedRegex(@"::[a-z_][a-z0-9_]*( [a-z_][a-z0-9_]*)*(\[\])?(\(\d+(,\d+)?\))?")]
    private static partial Regex CastPattern();

    [GeneratedRegex(@"\(([a-z_][a-z0-9_.]*|'[^']*')\)")]
    private static partial Regex ParenthesizedWordPattern();
}
