using System.Text;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Splits a file of SQL statements at the semicolons that end them, outside string literals, quoted identifiers,
///     dollar-quoted strings and comments (lexical structure: https://www.postgresql.org/docs/15/sql-syntax-lexical.html).
/// </summary>
public static class SqlScript
{
    /// <summary>The statements of <paramref name="text" />, trimmed, without empty ones, each with a weight of one call.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The statements, in file order.</returns>
    public static IReadOnlyList<WorkloadStatement> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var statements = new List<WorkloadStatement>();
        var current = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var end = SkipToken(text, i);
            if (end == i + 1 && text[i] == ';')
            {
                Add(statements, current);
            }
            else
            {
                current.Append(text, i, end - i);
            }

            i = end;
        }

        Add(statements, current);
        return statements;
    }

    /// <summary>The first word of a statement, lower-case, after leading blanks, comments and parentheses.</summary>
    internal static string FirstWord(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var end = SkipToken(sql, i);
            if (char.IsLetter(sql[i]))
            {
                return sql[i..end].ToLowerInvariant();
            }

            if (!char.IsWhiteSpace(sql[i]) && sql[i] != '(' && !IsComment(sql, i))
            {
                return string.Empty;
            }

            i = end;
        }

        return string.Empty;
    }

    private static void Add(List<WorkloadStatement> statements, StringBuilder current)
    {
        var sql = current.ToString().Trim();
        current.Clear();
        if (!IsOnlyComments(sql))
        {
            statements.Add(new WorkloadStatement(sql));
        }
    }

    private static bool IsOnlyComments(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (!char.IsWhiteSpace(sql[i]) && !IsComment(sql, i))
            {
                return false;
            }

            i = SkipToken(sql, i);
        }

        return true;
    }

    private static bool IsComment(string sql, int i)
        => i + 1 < sql.Length && ((sql[i] == '-' && sql[i + 1] == '-') || (sql[i] == '/' && sql[i + 1] == '*'));

    // The index just past the token starting at i: a literal, quoted identifier, dollar-quoted string, comment, word or one character.
    private static int SkipToken(string sql, int i)
    {
        var c = sql[i];
        if (c is '\'' or '"')
        {
            var j = i + 1;
            while (j < sql.Length)
            {
                if (sql[j] == c)
                {
                    // A doubled quote stands for itself inside the literal.
                    if (j + 1 < sql.Length && sql[j + 1] == c)
                    {
                        j += 2;
                        continue;
                    }

                    return j + 1;
                }

                j++;
            }

            return sql.Length;
        }

        if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
        {
            var newline = sql.IndexOf('\n', i);
            return newline < 0 ? sql.Length : newline + 1;
        }

        if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
        {
            // Block comments nest in PostgreSQL.
            var depth = 0;
            var j = i;
            while (j < sql.Length)
            {
                if (j + 1 < sql.Length && sql[j] == '/' && sql[j + 1] == '*')
                {
                    depth++;
                    j += 2;
                }
                else if (j + 1 < sql.Length && sql[j] == '*' && sql[j + 1] == '/')
                {
                    depth--;
                    j += 2;
                    if (depth == 0)
                    {
                        return j;
                    }
                }
                else
                {
                    j++;
                }
            }

            return sql.Length;
        }

        if (c == '$' && DollarTag(sql, i) is { } tag)
        {
            var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
            return close < 0 ? sql.Length : close + tag.Length;
        }

        if (char.IsLetter(c) || c == '_')
        {
            var j = i + 1;
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] is '_' or '$'))
            {
                j++;
            }

            return j;
        }

        return i + 1;
    }

    // $tag$ or $$ (a positional parameter $1 is not a tag: a tag cannot start with a digit).
    private static string? DollarTag(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && char.IsDigit(sql[j]))
        {
            return null;
        }

        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }
}
