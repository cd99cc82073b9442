using System.Globalization;
using System.Text;

namespace Cmms.Data.Analysis.Sql;

/// <summary>
///     Quotes identifiers for the SQL of fixes exactly as the server's own <c>quote_ident()</c> does: a name stays bare
///     only when it is lower-case ASCII letters, digits and underscores, starts with a letter or underscore, and is not
///     a keyword the server reserves in any way; otherwise it is double-quoted with embedded quotes doubled.
///     One addition: a name holding an unprintable character (newline, escape, …) is written with Unicode escapes
///     (<c>U&amp;"d\000aDROP"</c>), so no fix ever spans lines inside a name or carries a terminal control sequence.
/// </summary>
/// <remarks>
///     The rule is <c>quote_identifier()</c> in src/backend/utils/adt/ruleutils.c; the keywords come from the analyzed
///     server (<c>pg_get_keywords()</c>, every category but unreserved), so the rule follows that server's grammar:
///     https://www.postgresql.org/docs/current/sql-keywords-appendix.html. Unicode-escaped identifiers:
///     https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS (escapes above U+007F
///     need a UTF8 server encoding).
/// </remarks>
internal sealed class SqlQuoter(IEnumerable<string> reservedKeywords)
{
    private readonly HashSet<string> _keywords = new(reservedKeywords, StringComparer.Ordinal);

    /// <summary>One identifier, quoted where needed.</summary>
    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);

        return IsSafe(identifier) ? identifier : QuoteAlways(identifier);
    }

    /// <summary>A schema-qualified name, each part quoted where needed.</summary>
    public string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>A comma-separated list of identifiers, each quoted where needed.</summary>
    public string QuoteList(IEnumerable<string> identifiers)
    {
        var builder = new StringBuilder();
        foreach (var identifier in identifiers)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(Quote(identifier));
        }

        return builder.ToString();
    }

    /// <summary>
    ///     <paramref name="identifier" /> in double quotes, embedded quotes doubled; in the Unicode-escape form
    ///     (backslashes doubled, unprintable characters as <c>\XXXX</c> or <c>\+XXXXXX</c>) when it holds an unprintable character.
    /// </summary>
    public static string QuoteAlways(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);

        var doubled = identifier.Replace("\"", "\"\"", StringComparison.Ordinal);
        if (!UnprintableText.Contains(identifier))
        {
            return "\"" + doubled + "\"";
        }

        var escaped = UnprintableText.Replace(doubled.Replace("\\", "\\\\", StringComparison.Ordinal), UnicodeEscape);
        return "U&\"" + escaped + "\"";
    }

    /// <summary>One character as a Unicode escape of <c>U&amp;"…"</c> and <c>U&amp;'…'</c>: <c>\000a</c>, <c>\+01d173</c>.</summary>
    public static string UnicodeEscape(Rune rune)
        => rune.Value <= 0xFFFF
            ? string.Create(CultureInfo.InvariantCulture, $"\\{rune.Value:x4}")
            : string.Create(CultureInfo.InvariantCulture, $"\\+{rune.Value:x6}");

    private bool IsSafe(string identifier)
        => identifier.Length > 0
            && (char.IsAsciiLetterLower(identifier[0]) || identifier[0] == '_')
            && identifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !_keywords.Contains(identifier);
}
