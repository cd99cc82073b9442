using System.Globalization;
using System.Text;

namespace Cmms.Data.Analysis.Sql;

/// <summary>
///     Makes SQL the server deparsed (<c>pg_get_indexdef</c>) safe to print: a quoted identifier or string constant
///     holding an unprintable character (a newline in an index or column name, an escape in a predicate's literal) is
///     rewritten in its escaped form, <c>U&amp;"…"</c> or <c>E'…'</c>, which means the same to the server. Everything
///     else is left exactly as deparsed.
/// </summary>
/// <remarks>
///     Deparsed index definitions hold no comments and no dollar quotes, only identifiers, keywords, operators and
///     constants written by <c>quote_identifier</c> and <c>simple_quote_literal</c> (src/backend/utils/adt/ruleutils.c).
///     Lexical rules: https://www.postgresql.org/docs/current/sql-syntax-lexical.html
/// </remarks>
internal static class DeparsedSql
{
    /// <summary>The statement with every unprintable character inside a quoted token escaped.</summary>
    /// <exception cref="FormatException">A quote is not closed (the text was not deparsed by the server).</exception>
    public static string EscapeUnprintable(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!UnprintableText.Contains(sql))
        {
            return sql;
        }

        var result = new StringBuilder(sql.Length + 32);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '"')
            {
                var (content, end) = ReadQuoted(sql, i, '"', backslashEscapes: false);
                result.Append(SqlQuoter.QuoteAlways(content));
                i = end;
            }
            else if (c == '\'')
            {
                var extended = i > 0 && sql[i - 1] is 'E' or 'e' && (i < 2 || !IsIdentifierChar(sql[i - 2]));
                var (content, end) = ReadQuoted(sql, i, '\'', extended);
                if (extended)
                {
                    result.Length--;
                }

                result.Append(Literal(sql[i..end], content, extended));
                i = end;
            }
            else if (UnprintableText.IsUnprintable(new Rune(c)) || char.IsSurrogate(c))
            {
                // Outside quotes deparsed SQL has only ASCII; anything else means it is not what this class reads.
                throw new FormatException("unexpected character outside quotes");
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    // The original token when it is printable; otherwise E'…' with backslash escapes (standard_conforming_strings
    // does not change what an E'' constant means).
    private static string Literal(string token, string content, bool extended)
    {
        if (!UnprintableText.Contains(content))
        {
            return (extended ? "E" : string.Empty) + token;
        }

        var escaped = content.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal);
        return "E'" + UnprintableText.Replace(escaped, EscapeInConstant) + "'";
    }

    private static string EscapeInConstant(Rune rune)
        => rune.Value <= 0xFFFF
            ? "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture)
            : "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture);

    // Reads a token quoted with `quote` from `start`; returns its value (doubled quotes and, in E'' constants,
    // backslash escapes of quotes and backslashes undone) and the index after it.
    private static (string Content, int End) ReadQuoted(string sql, int start, char quote, bool backslashEscapes)
    {
        var content = new StringBuilder();
        for (var i = start + 1; i < sql.Length; i++)
        {
            var c = sql[i];
            if (backslashEscapes && c == '\\' && i + 1 < sql.Length && sql[i + 1] is '\\' or '\'')
            {
                content.Append(sql[++i]);
            }
            else if (backslashEscapes && c == '\\')
            {
                // Other backslash escapes (\n, \x41) are printable as written; keeping them needs the raw form.
                throw new FormatException("a backslash escape in an E'' constant");
            }
            else if (c == quote && i + 1 < sql.Length && sql[i + 1] == quote)
            {
                content.Append(quote);
                i++;
            }
            else if (c == quote)
            {
                return (content.ToString(), i + 1);
            }
            else
            {
                content.Append(c);
            }
        }

        throw new FormatException("a quote is not closed");
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
}
