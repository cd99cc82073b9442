namespace Cmms.Data.Analysis.Sqlite;

/// <summary>
///     Reads the parts of the <c>CREATE INDEX</c> and <c>CREATE TABLE</c> statements SQLite keeps in <c>sqlite_schema</c>
///     that no pragma reports: the text of expression keys, the <c>WHERE</c> of a partial index, where a table's name and
///     its column definitions are. Tokens follow SQLite's lexer (https://sqlite.org/lang_keywords.html): strings in
///     single quotes, identifiers in double quotes, brackets or backticks, <c>--</c> and <c>/* */</c> comments.
/// </summary>
internal static class SqliteSqlText
{
    /// <summary>The indexed items of a <c>CREATE INDEX</c> (each as written) and its predicate, if partial.</summary>
    public static (IReadOnlyList<string> Items, string? Predicate)? ParseCreateIndex(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);

        var tokens = Tokenize(sql);
        var on = tokens.FindIndex(t => t.IsWord(sql, "ON"));
        var open = on < 0 ? -1 : tokens.FindIndex(on, t => t.IsSymbol(sql, '('));
        if (open < 0 || Close(tokens, sql, open) is not { } close)
        {
            return null;
        }

        var items = new List<string>();
        var start = open + 1;
        var depth = 0;
        for (var i = open + 1; i <= close; i++)
        {
            var token = tokens[i];
            depth += token.IsSymbol(sql, '(') ? 1 : token.IsSymbol(sql, ')') ? -1 : 0;
            if (i == close || (depth == 0 && token.IsSymbol(sql, ',')))
            {
                items.Add(Expression(sql, tokens.GetRange(start, i - start)));
                start = i + 1;
            }
        }

        var predicate = close + 2 < tokens.Count && tokens[close + 1].IsWord(sql, "WHERE") ? sql[tokens[close + 2].Start..].Trim() : null;
        return (items, predicate);
    }

    /// <summary>
    ///     Where the table's name (schema-qualified or not) begins and ends in a <c>CREATE TABLE</c>, and where the
    ///     parenthesis that closes its definitions is; <see langword="null" /> for <c>CREATE TABLE … AS SELECT</c>.
    /// </summary>
    public static (int NameStart, int NameEnd, int DefinitionsEnd)? ParseCreateTable(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);

        var tokens = Tokenize(sql);
        var table = tokens.FindIndex(t => t.IsWord(sql, "TABLE"));
        if (table < 0)
        {
            return null;
        }

        var name = table + 1;
        if (name + 2 < tokens.Count && tokens[name].IsWord(sql, "IF") && tokens[name + 1].IsWord(sql, "NOT") && tokens[name + 2].IsWord(sql, "EXISTS"))
        {
            name += 3;
        }

        var open = name + 1 < tokens.Count && tokens[name + 1].IsSymbol(sql, '.') ? name + 3 : name + 1;
        if (open >= tokens.Count || !tokens[open].IsSymbol(sql, '(') || Close(tokens, sql, open) is not { } close)
        {
            return null;
        }

        return (tokens[name].Start, tokens[open - 1].End, tokens[close].Start);
    }

    // An item without its trailing ASC/DESC and COLLATE clause: the expression itself.
    private static string Expression(string sql, List<Token> item)
    {
        var count = item.Count;
        if (count > 1 && (item[count - 1].IsWord(sql, "ASC") || item[count - 1].IsWord(sql, "DESC")))
        {
            count--;
        }

        if (count > 2 && item[count - 2].IsWord(sql, "COLLATE"))
        {
            count -= 2;
        }

        return count == 0 ? string.Empty : sql[item[0].Start..item[count - 1].End];
    }

    private static int? Close(List<Token> tokens, string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += tokens[i].IsSymbol(sql, '(') ? 1 : tokens[i].IsSymbol(sql, ')') ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    private static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1, '-'))
            {
                i = sql.IndexOf('\n', i) is var end and >= 0 ? end + 1 : sql.Length;
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : sql.Length;
            }
            else if (c is '\'' or '"' or '`' or '[')
            {
                var end = Quoted(sql, i, c == '[' ? ']' : c);
                tokens.Add(new Token(i, end, false));
                i = end;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '$' || c > 127)
            {
                var end = i;
                while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] is '_' or '$' || sql[end] > 127))
                {
                    end++;
                }

                tokens.Add(new Token(i, end, true));
                i = end;
            }
            else
            {
                tokens.Add(new Token(i, i + 1, false));
                i++;
            }
        }

        return tokens;
    }

    // The end of a quoted token; a doubled closing quote stays inside it (brackets have no escape).
    private static int Quoted(string sql, int start, char close)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (close != ']' && At(sql, i + 1, close))
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return sql.Length;
    }

    private static bool At(string sql, int index, char c) => index < sql.Length && sql[index] == c;

    private readonly record struct Token(int Start, int End, bool IsWordToken)
    {
        public bool IsWord(string sql, string word)
            => IsWordToken && sql.AsSpan(Start, End - Start).Equals(word, StringComparison.OrdinalIgnoreCase);

        public bool IsSymbol(string sql, char symbol) => !IsWordToken && End - Start == 1 && sql[Start] == symbol;
    }
}
